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

/** Runs watches each time a new index serves, and on a clock for daily digests. */
export interface WatchRunner {
  /** Scans and delivers for this engine; runs one after another, never two at once. */
  onEngine(engine: ScanSource): Promise<DeliveryRound>;
  /** Posts what is due now (daily digests, anything left pending) with the latest engine; null before the first. */
  tick(): Promise<DeliveryRound | null>;
}

/** Joins the scan and the delivery, one run at a time, so a quick second reload waits for the first. */
export function createWatchRunner(options: WatchRunnerOptions): WatchRunner {
  let chain: Promise<unknown> = Promise.resolve();
  let latest: ScanSource | null = null;
  const deliver = (engine: ScanSource) => deliverPending({ ...options, result: (id) => engine.result(id) });
  const queue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(() => options.store.exclusive(work));
    chain = next.catch((error: unknown) => {
      options.logger.error({ event: 'watch_run_failed', err: { message: (error as Error)?.message } }, 'watches: a run failed; the next one will try again');
    });
    return next;
  };
  return {
    onEngine(engine) {
      latest = engine;
      return queue(async () => {
        await scanNewArticles(engine, options.store, options.now, options.logger);
        return deliver(engine);
      });
    },
    tick() {
      const engine = latest;
      return engine ? queue(() => deliver(engine)) : Promise.resolve(null);
    },
  };
}
