import type { Result } from '../answer/answer-schema.js';
import type { Logger } from '../logging.js';
import type { Delivery, Watch, WatchStore, WatchTarget } from './watch.js';

/** One message to post: a match, or a digest of several for one channel. */
export interface WatchMessage {
  target: WatchTarget;
  /** The platform's stored conversation reference (Teams), or null. */
  reference: unknown | null;
  items: Array<{ watch: Watch; result: Result }>;
  /** True when several matches are posted together as one digest. */
  digest: boolean;
}

/** How a post went: posted, or a coded failure saying whether trying again can help. */
export type PostOutcome =
  | { ok: true }
  | { ok: false; code: 'not_in_channel' | 'no_reference' | 'channel_not_found' | 'rejected' | 'unavailable'; retry: boolean; message: string };

/** A platform's way of posting a watch message (Slack chat.postMessage, Teams proactive message). */
export interface WatchPoster {
  platform: WatchTarget['platform'];
  post(message: WatchMessage): Promise<PostOutcome>;
}

export interface DeliveryOptions {
  store: WatchStore;
  posters: WatchPoster[];
  /** The result a remark's statement belongs to now (all its outlets). */
  result: (statementId: string) => Promise<Result | null>;
  logger: Logger;
  /** Waits between retries; injected so tests do not wait. */
  sleep: (ms: number) => Promise<void>;
  /** Tries per message (default 4) and the first pause (default 2 s, doubled each time). */
  attempts?: number;
  backoffMs?: number;
  /** More matches than this for one channel at once become one digest (default 3). */
  digestAfter?: number;
}

/** What one delivery round did. */
export interface DeliveryRound {
  posted: number;
  failed: Array<{ watchId: number; remark: string; code: string }>;
}

/**
 * Posts every pending delivery, one message per match or one digest per channel, marking each
 * delivered or failed in the store. A post that may succeed later is retried with backoff, then
 * reported in the log; one channel's failure does not hold up the others.
 */
export async function deliverPending(options: DeliveryOptions): Promise<DeliveryRound> {
  const { store, logger } = options;
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 2000;
  const digestAfter = options.digestAfter ?? 3;
  const watches = new Map(store.listWatches().map((w) => [w.id, w]));
  const byTarget = new Map<string, Array<{ delivery: Delivery; watch: Watch; result: Result }>>();
  const round: DeliveryRound = { posted: 0, failed: [] };
  const fail = (d: Pick<Delivery, 'watchId' | 'remark'>, code: string, message: string) => {
    store.markDelivery(d.watchId, d.remark, { status: 'failed', error: `${code}: ${message}` });
    round.failed.push({ watchId: d.watchId, remark: d.remark, code });
  };
  for (const delivery of store.pendingDeliveries()) {
    const watch = watches.get(delivery.watchId);
    const result = watch ? await options.result(delivery.remark) : null;
    if (!watch || !result) {
      fail(delivery, 'gone', watch ? 'the quote is no longer in the corpus' : 'the watch was removed');
      continue;
    }
    const key = `${watch.target.platform}\u0000${watch.target.channel}`;
    (byTarget.get(key) ?? byTarget.set(key, []).get(key)!).push({ delivery, watch, result });
  }
  for (const items of byTarget.values()) {
    const target = items[0]!.watch.target;
    const poster = options.posters.find((p) => p.platform === target.platform);
    const batches = items.length > digestAfter ? [items] : items.map((item) => [item]);
    for (const batch of batches) {
      const message: WatchMessage = { target, reference: store.reference(target.platform, target.channel), items: batch.map(({ watch, result }) => ({ watch, result })), digest: batch.length > 1 };
      const outcome: PostOutcome = poster
        ? await postWithRetry(poster, message, attempts, backoffMs, options.sleep)
        : { ok: false, code: 'unavailable', retry: false, message: `${target.platform} is not configured` };
      for (const { delivery } of batch) {
        if (outcome.ok) {
          store.markDelivery(delivery.watchId, delivery.remark, { status: 'delivered' });
          round.posted++;
        } else fail(delivery, outcome.code, outcome.message);
      }
      if (outcome.ok) logger.info({ event: 'watch_posted', platform: target.platform, matches: batch.length, digest: message.digest }, 'watch: posted new quotes');
      else logger.error({ event: 'watch_post_failed', platform: target.platform, code: outcome.code, matches: batch.length }, `watch: could not post to ${target.label}: ${outcome.message}`);
    }
  }
  return round;
}

async function postWithRetry(poster: WatchPoster, message: WatchMessage, attempts: number, backoffMs: number, sleep: (ms: number) => Promise<void>): Promise<PostOutcome> {
  let outcome: PostOutcome = { ok: false, code: 'unavailable', retry: true, message: 'not tried' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      outcome = await poster.post(message);
    } catch {
      outcome = { ok: false, code: 'unavailable', retry: true, message: 'the post failed' };
    }
    if (outcome.ok || !outcome.retry || attempt === attempts) return outcome;
    await sleep(backoffMs * 2 ** (attempt - 1));
  }
  return outcome;
}
