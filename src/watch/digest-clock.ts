import type { WatchRunner } from './watch-runner.js';

/** Schedules a call after `ms`; returns how to cancel it. Injected so tests run the clock themselves. */
export type Schedule = (fn: () => Promise<void>, ms: number) => () => void;

/** How often daily digests are checked for: a digest goes out within this of its time. */
export const DIGEST_CHECK_MS = 60_000;

/**
 * Checks every minute whether a daily digest is due (the runner records which were sent, so a
 * restart sends a missed one once, and none twice). Returns how to stop it.
 */
export function startDigestClock(runner: Pick<WatchRunner, 'tick'>, schedule: Schedule, everyMs = DIGEST_CHECK_MS): () => void {
  let cancel: (() => void) | null = null;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    cancel = schedule(async () => {
      // The runner logs a failed run; the clock keeps going either way.
      await runner.tick().catch(() => undefined);
      next();
    }, everyMs);
  };
  next();
  return () => {
    stopped = true;
    cancel?.();
  };
}
