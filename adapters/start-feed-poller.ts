import type { Logger } from '../src/index.js';
import { createFeedPoller, type FeedPoller, type FeedPollerOptions } from '../src/feeds/feed-poller.js';
import { loadFeedsFile } from '../src/feeds/feeds-file.js';

/** Where the feeds are and the test knobs (when time passes, jitter, fetch limits). */
export interface StartFeedPollerOptions {
  corpusDir: string;
  logger: Logger;
  now: () => Date;
  knobs?: Partial<Pick<FeedPollerOptions, 'schedule' | 'random' | 'fetch'>>;
}

/**
 * Starts polling the feeds of `<corpus>/feeds.yml`, if any: new items land in the folder, are
 * indexed, and watched. Returns the poller, or null (no feeds, or an invalid file, which is logged).
 */
export async function startFeedPoller(options: StartFeedPollerOptions): Promise<FeedPoller | null> {
  const { logger, knobs } = options;
  const file = await loadFeedsFile(options.corpusDir);
  if (file.kind === 'invalid') {
    logger.error({ event: 'feeds_invalid' }, `feeds: none polled: ${file.message}`);
    return null;
  }
  if (file.kind === 'none' || file.feeds.length === 0) {
    logger.info({ event: 'feeds_off' }, 'feeds: none (list them in feeds.yml in the corpus folder)');
    return null;
  }
  const poller = createFeedPoller({
    corpusDir: options.corpusDir,
    feeds: file.feeds,
    logger,
    now: options.now,
    schedule:
      knobs?.schedule ??
      ((fn, ms) => {
        const timer = setTimeout(() => void fn(), ms);
        timer.unref();
        return () => clearTimeout(timer);
      }),
    random: knobs?.random ?? Math.random,
    ...(knobs?.fetch ? { fetch: knobs.fetch } : {}),
  });
  poller.start();
  logger.info({ event: 'feeds_on', feeds: file.feeds.length }, `feeds: polling ${file.feeds.length}`);
  return poller;
}
