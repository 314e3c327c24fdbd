import type { Result } from '../answer/answer-schema.js';
import type { Logger } from '../logging.js';
import { latestDigestSlot } from './daily-slot.js';
import type { Delivery, Watch, WatchStore, WatchTarget } from './watch.js';

/** One message to post: a match, or a digest of several for one channel. */
export interface WatchMessage {
  target: WatchTarget;
  /** The platform's stored conversation reference (Teams), or null. */
  reference: unknown | null;
  items: Array<{ watch: Watch; result: Result }>;
  /** True when several matches are posted together as one digest. */
  digest: boolean;
  /** True for a watch's daily digest (one watch, whatever arrived since the last one). */
  daily: boolean;
}

/** Failures that say the channel cannot be posted to at all: the watch is marked not deliverable. */
const UNREACHABLE = new Set(['not_in_channel', 'channel_not_found', 'no_reference']);

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
  /** Now, for daily digests that are due. */
  now: () => Date;
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

type Item = { delivery: Delivery; watch: Watch; result: Result };

/**
 * Posts every pending delivery, one message per match or one digest per channel, marking each
 * delivered or failed in the store. A post that may succeed later is retried with backoff, then
 * reported in the log; one channel's failure does not hold up the others. A daily watch's matches
 * wait for its digest time; each digest is recorded (posted, empty or failed), so it is sent once.
 */
export async function deliverPending(options: DeliveryOptions): Promise<DeliveryRound> {
  const { store } = options;
  const digestAfter = options.digestAfter ?? 3;
  const watches = await store.listWatches();
  const byId = new Map(watches.map((w) => [w.id, w]));
  const byTarget = new Map<string, Item[]>();
  const byDaily = new Map<number, Delivery[]>();
  const round: DeliveryRound = { posted: 0, failed: [] };
  const fail = async (d: Pick<Delivery, 'watchId' | 'remark'>, code: string, message: string) => {
    await store.markDelivery(d.watchId, d.remark, { status: 'failed', error: `${code}: ${message}` });
    round.failed.push({ watchId: d.watchId, remark: d.remark, code });
  };
  const resolve = async (delivery: Delivery, watch: Watch | undefined): Promise<Item | null> => {
    const result = watch ? await options.result(delivery.remark) : null;
    if (watch && result) return { delivery, watch, result };
    await fail(delivery, 'gone', watch ? 'the quote is no longer in the corpus' : 'the watch was removed');
    return null;
  };
  for (const delivery of await store.pendingDeliveries()) {
    const watch = byId.get(delivery.watchId);
    if (watch?.daily) {
      (byDaily.get(watch.id) ?? byDaily.set(watch.id, []).get(watch.id)!).push(delivery);
      continue;
    }
    const item = await resolve(delivery, watch);
    if (!item) continue;
    const key = `${item.watch.target.platform}\u0000${item.watch.target.channel}`;
    (byTarget.get(key) ?? byTarget.set(key, []).get(key)!).push(item);
  }
  for (const items of byTarget.values()) {
    const batches = items.length > digestAfter ? [items] : items.map((item) => [item]);
    for (const batch of batches) await post(options, batch, false, round, fail);
  }
  for (const watch of watches) {
    if (!watch.daily) continue;
    const slot = latestDigestSlot(watch.daily, options.now()).toISOString();
    // A digest is due once its time has passed since the watch was set, and only once.
    if (slot <= watch.createdAt) continue;
    const last = await store.lastDigest(watch.id);
    if (last && last.slot >= slot) continue;
    const items: Item[] = [];
    for (const delivery of byDaily.get(watch.id) ?? []) {
      const item = await resolve(delivery, watch);
      if (item) items.push(item);
    }
    const ok = items.length === 0 || (await post(options, items, true, round, fail));
    await store.recordDigest({ watchId: watch.id, slot, status: items.length === 0 ? 'empty' : ok ? 'posted' : 'failed', matches: items.length });
  }
  return round;
}

/** Posts one message with retries, then records each of its deliveries and the channel's state. */
async function post(options: DeliveryOptions, batch: Item[], daily: boolean, round: DeliveryRound, fail: (d: Delivery, code: string, message: string) => Promise<void>): Promise<boolean> {
  const { store, logger } = options;
  const target = batch[0]!.watch.target;
  const poster = options.posters.find((p) => p.platform === target.platform);
  const message: WatchMessage = {
    target,
    reference: await store.reference(target.platform, target.channel),
    items: batch.map(({ watch, result }) => ({ watch, result })),
    digest: daily || batch.length > 1,
    daily,
  };
  const outcome: PostOutcome = poster
    ? await postWithRetry(poster, message, options.attempts ?? 4, options.backoffMs ?? 2000, options.sleep)
    : { ok: false, code: 'unavailable', retry: false, message: `${target.platform} is not configured` };
  for (const { delivery } of batch) {
    if (outcome.ok) {
      await store.markDelivery(delivery.watchId, delivery.remark, { status: 'delivered' });
      round.posted++;
    } else await fail(delivery, outcome.code, outcome.message);
  }
  if (outcome.ok) {
    await store.setTargetProblem(target.platform, target.channel, null);
    logger.info({ event: 'watch_posted', platform: target.platform, matches: batch.length, digest: message.digest, daily }, 'watch: posted new quotes');
    return true;
  }
  if (UNREACHABLE.has(outcome.code)) await store.setTargetProblem(target.platform, target.channel, { code: outcome.code, message: outcome.message, at: options.now().toISOString() });
  logger.error({ event: 'watch_post_failed', platform: target.platform, code: outcome.code, matches: batch.length }, `watch: could not post to ${target.label}: ${outcome.message}`);
  return false;
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
