import { z } from 'zod';
import { InterpretationSchema, type Interpretation } from '../answer/answer-schema.js';

/** Where a watch posts: a Slack channel or a Teams conversation. */
export const WatchTargetSchema = z.object({
  platform: z.enum(['slack', 'teams']),
  /** The Slack channel id, or the Teams conversation id. */
  channel: z.string().min(1),
  /** How users know the channel, e.g. "#policy" or "this chat". */
  label: z.string().min(1),
});
export type WatchTarget = z.infer<typeof WatchTargetSchema>;

/** A saved watch: the question, what it was understood to ask, where and by whom it was set. */
export const WatchSchema = z.object({
  id: z.number().int(),
  target: WatchTargetSchema,
  question: z.string(),
  interpretation: InterpretationSchema,
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Watch = z.infer<typeof WatchSchema>;

/** A watch about to be saved (the store gives the id). */
export type NewWatch = Omit<Watch, 'id'>;

/** A delivery of one remark to one watch: pending until posted, then delivered (or failed). */
export interface Delivery {
  watchId: number;
  /** The remark's key: the id of the first statement of it that was matched. */
  remark: string;
  /** Every statement id of the remark known when it was matched (its outlets). */
  statementIds: string[];
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  createdAt: string;
  lastError: string | null;
}

/** Watches, conversation references and deliveries, behind one interface (SQLite file, memory, later PostgreSQL). */
export interface WatchStore {
  addWatch(watch: NewWatch, limit: number): Watch | 'limit';
  listWatches(target?: Pick<WatchTarget, 'platform' | 'channel'>): Watch[];
  removeWatch(id: number): boolean;
  /** A platform's opaque reference for posting later (a Teams conversation reference), by channel. */
  saveReference(platform: WatchTarget['platform'], channel: string, reference: unknown): void;
  reference(platform: WatchTarget['platform'], channel: string): unknown | null;
  /**
   * Records pending deliveries in one transaction, skipping any whose statements were already
   * recorded for that watch; returns the ones recorded.
   */
  addDeliveries(deliveries: Array<Pick<Delivery, 'watchId' | 'remark' | 'statementIds'>>, at: string): Delivery[];
  /** Remembers more statements of a known remark (a later outlet), so they never post again. */
  extendRemark(watchId: number, remark: string, statementIds: string[]): void;
  /** Whether any of these statements was recorded for the watch; gives the remark's key. */
  remarkOf(watchId: number, statementIds: readonly string[]): string | null;
  pendingDeliveries(): Delivery[];
  markDelivery(watchId: number, remark: string, outcome: { status: Delivery['status']; error?: string }): void;
  /** Article ids already scanned for watches, so a restart scans only what is new; null before the first scan. */
  scannedArticles(): Set<string> | null;
  markScanned(articleIds: readonly string[]): void;
  close(): void;
}

export type { Interpretation };
