import { z } from 'zod';
import { CodedError } from '../coded-error.js';
import { canonicalTimeZone } from './daily-slot.js';
import { DEFAULT_WATCH_LIMIT } from './watch-commands.js';

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * The watch variables of the environment.
 *
 * - `BRIEFBOT_WATCH_LIMIT`: watches a channel may have (1 to 100; default 10).
 * - `BRIEFBOT_TZ`: the IANA time zone daily digests are read in, such as `Europe/London` (default `UTC`).
 */
export const WatchEnvSchema = z.object({
  BRIEFBOT_WATCH_LIMIT: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'BRIEFBOT_WATCH_LIMIT must be a whole number from 1 to 100 (watches per channel)' }).int().min(1).max(100).optional(),
  ),
  BRIEFBOT_TZ: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .transform((name, ctx) => {
        const zone = canonicalTimeZone(name);
        if (zone === null) {
          ctx.addIssue({ code: 'custom', message: 'BRIEFBOT_TZ must be an IANA time zone such as Europe/London or America/New_York' });
          return z.NEVER;
        }
        return zone;
      })
      .default('UTC'),
  ),
});

/** A watch variable that is set to something unusable. */
export class WatchConfigError extends CodedError<'WATCH_CONFIG_INVALID'> {}

/** What the watches read from the environment. */
export interface WatchConfig {
  limit: number;
  timeZone: string;
}

/** Reads the watch variables; an invalid one throws a message naming it and what it should be. */
export function loadWatchConfig(env: Record<string, string | undefined>, defaults: { limit?: number } = {}): WatchConfig {
  const parsed = WatchEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = issue.path[0] === 'BRIEFBOT_WATCH_LIMIT' ? 'BRIEFBOT_WATCH_LIMIT must be a whole number from 1 to 100 (watches per channel)' : issue.message;
    throw new WatchConfigError('WATCH_CONFIG_INVALID', message, { cause: parsed.error });
  }
  return { limit: parsed.data.BRIEFBOT_WATCH_LIMIT ?? defaults.limit ?? DEFAULT_WATCH_LIMIT, timeZone: parsed.data.BRIEFBOT_TZ };
}
