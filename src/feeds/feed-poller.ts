import { addFeedItems, readFeedIfChanged } from '../ingest/add-feed.js';
import type { FetchOptions } from '../ingest/fetch-page.js';
import { isIngestError } from '../ingest/ingest-error.js';
import type { Logger } from '../logging.js';
import { EMPTY_STATUS, readFeedState, writeFeedState, type FeedStatus } from './feed-state.js';
import type { FeedEntry } from './feeds-file.js';

/** How one poll of one feed went. */
export type FeedPoll =
  | { kind: 'added'; url: string; added: number }
  | { kind: 'not_modified'; url: string }
  | { kind: 'failed'; url: string; code: string; message: string };

/** Cancels a scheduled call. */
export type Cancel = () => void;

export interface FeedPollerOptions {
  corpusDir: string;
  feeds: FeedEntry[];
  logger: Logger;
  now: () => Date;
  /** Runs `fn` after `ms`; injected so tests decide when time passes (and may await the poll `fn` returns). */
  schedule: (fn: () => Promise<void>, ms: number) => Cancel;
  /** 0 ≤ x < 1, for jitter; injected for tests. */
  random: () => number;
  /** Fetch limits (tests give a resolver and a short timeout). */
  fetch?: Partial<FetchOptions>;
}

/** The longest pause after repeated failures. */
const MAX_BACKOFF_MS = 6 * 3_600_000;

/** The pause before the next poll: the interval ±10 %, doubled for each failure in a row (up to 6 h). */
export function nextDelay(everyMs: number, failures: number, random: number): number {
  const base = failures === 0 ? everyMs : Math.min(MAX_BACKOFF_MS, Math.max(everyMs, everyMs * 2 ** Math.min(failures, 16)));
  return Math.round(base * (0.9 + 0.2 * random));
}

export interface FeedPoller {
  /** Polls one feed now (conditional GET, new items added to the corpus), records how it went. */
  pollOnce(feed: FeedEntry): Promise<FeedPoll>;
  /** Schedules every feed, each first polled after a jittered part of its interval. */
  start(): void;
  stop(): void;
}

/**
 * Polls the feeds of `feeds.yml` on their intervals. New items are written into the corpus folder
 * (the live index picks them up, and watches run on them); a failing feed is logged and retried
 * with backoff, and never stops the others.
 */
export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { corpusDir, logger } = options;
  const cancels = new Map<string, Cancel>();
  let stopped = false;

  const update = (url: string, change: (status: FeedStatus) => FeedStatus) => {
    const state = readFeedState(corpusDir);
    state[url] = change(state[url] ?? EMPTY_STATUS);
    writeFeedState(corpusDir, state);
    return state[url]!;
  };

  const pollOnce = async (feed: FeedEntry): Promise<FeedPoll> => {
    const at = options.now().toISOString();
    const before = readFeedState(corpusDir)[feed.url] ?? EMPTY_STATUS;
    const fetch = { ...options.fetch, allowPrivate: feed.allow_private };
    try {
      const read = await readFeedIfChanged(feed.url, { ...(before.etag ? { etag: before.etag } : {}), ...(before.lastModified ? { lastModified: before.lastModified } : {}) }, { fetch, now: options.now });
      const validators = { ...(read.etag ? { etag: read.etag } : {}), ...(read.lastModified ? { lastModified: read.lastModified } : {}) };
      if (read.kind === 'not_modified') {
        update(feed.url, (s) => ({ ...s, lastFetch: at, lastSuccess: at, lastError: null, failures: 0, ...validators }));
        return { kind: 'not_modified', url: feed.url };
      }
      const report = await addFeedItems(feed.url, read.feed, { corpusDir, fetch, now: options.now, ...(feed.outlet ? { outlet: feed.outlet } : {}) });
      const added = report.items.filter((i) => i.kind === 'added').length;
      const failedItems = report.items.filter((i) => i.kind === 'failed');
      update(feed.url, (s) => ({
        ...s,
        lastFetch: at,
        lastSuccess: at,
        itemsAdded: s.itemsAdded + added,
        lastError: failedItems.length ? `${failedItems.length} item(s) not added: ${failedItems[0]!.kind === 'failed' ? failedItems[0]!.message : ''}` : null,
        failures: 0,
        etag: validators.etag,
        lastModified: validators.lastModified,
      }));
      logger.info({ event: 'feed_polled', url: feed.url, added, failedItems: failedItems.length }, `feed polled: ${added} new article(s)`);
      return { kind: 'added', url: feed.url, added };
    } catch (error) {
      const code = isIngestError(error) ? error.code : 'error';
      const message = isIngestError(error) ? error.message : 'the feed could not be read';
      update(feed.url, (s) => ({ ...s, lastFetch: at, lastError: message, failures: s.failures + 1 }));
      logger.warn({ event: 'feed_failed', url: feed.url, code }, `feed failed: ${message}`);
      return { kind: 'failed', url: feed.url, code, message };
    }
  };

  const loop = (feed: FeedEntry, delay: number) => {
    if (stopped) return;
    cancels.set(
      feed.url,
      options.schedule(async () => {
        await pollOnce(feed);
        const failures = readFeedState(corpusDir)[feed.url]?.failures ?? 0;
        loop(feed, nextDelay(feed.every, failures, options.random()));
      }, delay),
    );
  };

  return {
    pollOnce,
    start() {
      for (const feed of options.feeds) loop(feed, Math.round(feed.every * options.random()));
    },
    stop() {
      stopped = true;
      for (const cancel of cancels.values()) cancel();
      cancels.clear();
    },
  };
}
