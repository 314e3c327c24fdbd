import type { Logger } from '../logging.js';
import { deliverPending, type DeliveryOptions, type DeliveryRound, type WatchPoster } from './deliver-watches.js';
import { scanNewArticles, type ScanSource } from './scan-new-articles.js';
import type { WatchStore } from './watch.js';

export interface WatchRunnerOptions extends Pick<DeliveryOptions, 'attempts' | 'backoffMs' | 'digestAfter' | 'sleep'> {
  store: WatchStore;
  posters: WatchPoster[];
  logger: Logger;
  now: () => Date;
}

/** Runs watches each time a new index serves: scan the new articles, then post what is pending. */
export interface WatchRunner {
  /** Scans and delivers for this engine; runs one after another, never two at once. */
  onEngine(engine: ScanSource): Promise<DeliveryRound>;
}

/** Joins the scan and the delivery, one run at a time, so a quick second reload waits for the first. */
export function createWatchRunner(options: WatchRunnerOptions): WatchRunner {
  let chain: Promise<unknown> = Promise.resolve();
  const run = async (engine: ScanSource): Promise<DeliveryRound> => {
    await scanNewArticles(engine, options.store, options.now, options.logger);
    return deliverPending({ ...options, result: (id) => engine.result(id) });
  };
  return {
    onEngine(engine) {
      const next = chain.then(() => run(engine));
      chain = next.catch((error: unknown) => {
        options.logger.error({ event: 'watch_run_failed', err: { message: (error as Error)?.message } }, 'watches: a run failed; the next index will try again');
      });
      return next;
    },
  };
}
