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

/**
 * A daily digest's local time and the IANA time zone it is read in: the one named in the command,
 * else the channel's (`timezone …`), else BRIEFBOT_TZ, when the watch was set.
 */
export const DailySchema = z.object({
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
  timeZone: z.string().min(1),
});
export type Daily = z.infer<typeof DailySchema>;

/** A saved watch: the question, what it was understood to ask, where and by whom it was set. */
export const WatchSchema = z.object({
  id: z.number().int(),
  target: WatchTargetSchema,
  question: z.string(),
  interpretation: InterpretationSchema,
  /** Null: each match is posted as it arrives; otherwise one digest a day at this time. */
  daily: DailySchema.nullable(),
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

/** What became of one daily digest: posted, nothing new to post, or a post that failed. */
export interface DigestRecord {
  watchId: number;
  /** The scheduled instant (ISO, UTC) this digest is for. */
  slot: string;
  status: 'posted' | 'empty' | 'failed';
  matches: number;
}

/** Why posts to a channel cannot be delivered (the bot is not in it), as the platform said it to users. */
export interface TargetProblem {
  code: string;
  /** A sentence for users, e.g. "I'm not in #policy: invite me with /invite @Briefbot so I can post new quotes". */
  message: string;
  at: string;
}

/**
 * Watches, conversation references, deliveries and digests, behind one interface (a SQLite file
 * beside the corpus, or PostgreSQL). Every write is durable when its promise resolves.
 */
export interface WatchStore {
  addWatch(watch: NewWatch, limit: number): Promise<Watch | 'limit'>;
  listWatches(target?: Pick<WatchTarget, 'platform' | 'channel'>): Promise<Watch[]>;
  removeWatch(id: number): Promise<boolean>;
  /** A platform's opaque reference for posting later (a Teams conversation reference), by channel. */
  saveReference(platform: WatchTarget['platform'], channel: string, reference: unknown): Promise<void>;
  reference(platform: WatchTarget['platform'], channel: string): Promise<unknown | null>;
  /**
   * Records pending deliveries in one transaction, skipping any whose statements were already
   * recorded for that watch; returns the ones recorded.
   */
  addDeliveries(deliveries: Array<Pick<Delivery, 'watchId' | 'remark' | 'statementIds'>>, at: string): Promise<Delivery[]>;
  /** Remembers more statements of a known remark (a later outlet), so they never post again. */
  extendRemark(watchId: number, remark: string, statementIds: string[]): Promise<void>;
  /** Whether any of these statements was recorded for the watch; gives the remark's key. */
  remarkOf(watchId: number, statementIds: readonly string[]): Promise<string | null>;
  pendingDeliveries(): Promise<Delivery[]>;
  markDelivery(watchId: number, remark: string, outcome: { status: Delivery['status']; error?: string }): Promise<void>;
  /** The latest daily digest recorded for a watch, or null before its first. */
  lastDigest(watchId: number): Promise<DigestRecord | null>;
  recordDigest(record: DigestRecord): Promise<void>;
  /** Marks a channel not deliverable (null: deliverable again, after a post went through). */
  setTargetProblem(platform: WatchTarget['platform'], channel: string, problem: TargetProblem | null): Promise<void>;
  targetProblem(platform: WatchTarget['platform'], channel: string): Promise<TargetProblem | null>;
  /** The channel's own time zone for daily digests (`timezone Europe/London`), or null when it has none. */
  channelTimeZone(platform: WatchTarget['platform'], channel: string): Promise<string | null>;
  /**
   * Sets (null: clears) the channel's time zone and moves the channel's daily digests to it (`zone`,
   * or `fallback` when clearing), in one transaction; gives how many daily watches were moved.
   */
  setChannelTimeZone(platform: WatchTarget['platform'], channel: string, zone: string | null, fallback: string): Promise<number>;
  /** Article ids already scanned for watches, so a restart scans only what is new; null before the first scan. */
  scannedArticles(): Promise<Set<string> | null>;
  markScanned(articleIds: readonly string[]): Promise<void>;
  /**
   * Runs `work` while no other process sharing this store runs its own (replicas on one database
   * scan and post one at a time); a file store runs it at once.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type { Interpretation };
