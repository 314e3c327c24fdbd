import { z } from 'zod';
import type { Briefbot } from '../answer/answer-schema.js';
import { CodedError } from '../coded-error.js';

/** How many answers run at once, and how many may wait for a turn. */
export interface ConcurrencyConfig {
  maxActive: number;
  maxQueued: number;
}

/** The default: a few answers at once (each holds its result lists in memory), a burst of up to 1,000 waiting in order. */
export const DEFAULT_CONCURRENCY: ConcurrencyConfig = { maxActive: 4, maxQueued: 1000 };

/** Thrown by `ask` when the queue is full: the platforms' one catch apologises, as for any failure. */
export class BusyError extends CodedError<'BRIEFBOT_BUSY'> {}

/** What the limit reports: answers running now and waiting now. */
export interface ConcurrencyState {
  readonly active: number;
  readonly queued: number;
}

/**
 * The core with at most `maxActive` answers running at once: a burst queues (first come, first
 * served) instead of running every answer at the same time, and past `maxQueued` waiting an ask
 * fails at once with `BusyError` rather than growing the queue without bound.
 */
export function limitConcurrency(briefbot: Briefbot, config: ConcurrencyConfig = DEFAULT_CONCURRENCY): Briefbot & { state: ConcurrencyState } {
  let active = 0;
  const waiting: Array<() => void> = [];
  const acquire = (): Promise<void> => {
    if (active < config.maxActive) {
      active++;
      return Promise.resolve();
    }
    if (waiting.length >= config.maxQueued) {
      return Promise.reject(new BusyError('BRIEFBOT_BUSY', `more than ${config.maxQueued} questions are waiting; try again in a moment`));
    }
    // The slot is handed over by `release`, so `active` stays counted for the waiter.
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    ...(briefbot.quote ? { quote: (id: string) => briefbot.quote!(id) } : {}),
    ...(briefbot.result ? { result: (id: string) => briefbot.result!(id) } : {}),
    ...(briefbot.report ? { report: (input: Parameters<NonNullable<Briefbot['report']>>[0]) => briefbot.report!(input) } : {}),
    async ask(question, options) {
      await acquire();
      try {
        return await briefbot.ask(question, options);
      } finally {
        release();
      }
    },
    state: {
      get active() {
        return active;
      },
      get queued() {
        return waiting.length;
      },
    },
  };
}

/** `BRIEFBOT_MAX_ANSWERS` (answers at once, 1 to 64, default 4), or the message naming what is wrong. */
export function parseConcurrencyConfig(env: Record<string, string | undefined>): { ok: true; config: ConcurrencyConfig } | { ok: false; message: string } {
  const parsed = z.coerce.number().int().min(1).max(64).optional().safeParse(env.BRIEFBOT_MAX_ANSWERS || undefined);
  if (!parsed.success) return { ok: false, message: 'BRIEFBOT_MAX_ANSWERS must be a whole number from 1 to 64 (answers worked on at once)' };
  return { ok: true, config: { ...DEFAULT_CONCURRENCY, ...(parsed.data === undefined ? {} : { maxActive: parsed.data }) } };
}
