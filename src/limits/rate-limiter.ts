import { z } from 'zod';

/** Whether one more question from a user may be answered now. `first` marks the first refusal since the last question allowed. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; first: boolean };

/**
 * Questions per user, by key (`slack:<team>:<user>`, `teams:<tenant>:<user>`). In memory by
 * default; a shared store (several servers) can implement the same interface.
 */
export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

/** A token bucket: `burst` questions at once, refilled at `perMinute` a minute. */
export interface RateLimitConfig {
  burst: number;
  perMinute: number;
}

interface Bucket {
  tokens: number;
  at: number;
  refused: boolean;
}

/** Buckets kept at most; past it, full ones (users idle long enough to be back at `burst`) are dropped. */
const MAX_BUCKETS = 50_000;

/** The in-memory token bucket limiter. `now` is the clock in milliseconds (injected for tests). */
export function createMemoryRateLimiter(config: RateLimitConfig, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = config.perMinute / 60_000;
  const refill = (bucket: Bucket, t: number) => {
    bucket.tokens = Math.min(config.burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
  };
  const prune = (t: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= config.burst) buckets.delete(key);
    }
  };
  return {
    async take(key) {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= MAX_BUCKETS) prune(t);
        bucket = { tokens: config.burst, at: t, refused: false };
        buckets.set(key, bucket);
      }
      refill(bucket, t);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.refused = false;
        return { allowed: true };
      }
      const first = !bucket.refused;
      bucket.refused = true;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)), first };
    },
  };
}

/** A limiter that allows everything (`BRIEFBOT_RATE_LIMIT=off`). */
export const UNLIMITED: RateLimiter = { take: async () => ({ allowed: true }) };

/** An environment variable holding a positive number, `fallback` when unset; the message names it. */
export const positive = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a positive number (it is "${v}")` });
        return z.NEVER;
      }
      return n;
    });

const RateEnvSchema = z.object({
  BRIEFBOT_RATE_LIMIT: z.enum(['on', 'off']).optional(),
  BRIEFBOT_RATE_BURST: positive('BRIEFBOT_RATE_BURST', 10),
  BRIEFBOT_RATE_PER_MINUTE: positive('BRIEFBOT_RATE_PER_MINUTE', 20),
});

/** The rate limit from the environment: null (off), a config, or the message naming the variable to fix. */
export function parseRateLimitConfig(env: NodeJS.ProcessEnv): { ok: true; config: RateLimitConfig | null } | { ok: false; message: string } {
  const parsed = RateEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: issue.path[0] === 'BRIEFBOT_RATE_LIMIT' ? 'BRIEFBOT_RATE_LIMIT must be "on" or "off"' : issue.message };
  }
  if (parsed.data.BRIEFBOT_RATE_LIMIT === 'off') return { ok: true, config: null };
  return { ok: true, config: { burst: parsed.data.BRIEFBOT_RATE_BURST, perMinute: parsed.data.BRIEFBOT_RATE_PER_MINUTE } };
}

/** The polite answer to a user who is asking too fast. */
export function slowDownMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds === 1 ? 'a second' : `${retryAfterSeconds} seconds`;
  return `You're asking faster than I can keep up with. Please wait ${wait} and ask again.`;
}
