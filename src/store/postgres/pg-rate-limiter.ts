import type { Pool } from 'pg';
import type { RateLimitConfig, RateLimiter } from '../../limits/rate-limiter.js';
import type { Logger } from '../../logging.js';

/** Buckets are swept of users idle long enough to be full again, every this many questions. */
const SWEEP_EVERY = 500;

/**
 * The token bucket of `createMemoryRateLimiter`, kept in PostgreSQL (migration 005) so that every
 * replica of a deployment counts a user's questions in one bucket. One statement takes a token: the
 * refill, the take and the refusal count happen in the row's own update, so replicas asking at once
 * never both get the last token. PostgreSQL rather than Redis: the replicas already share it, so
 * limits add no service to run. A database that fails lets the question through (logged): a
 * question is never refused because the limiter could not count it.
 */
export function createPgRateLimiter(pool: Pool, tenant: string, config: RateLimitConfig, options: { now?: () => number; logger?: Logger } = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const perMs = config.perMinute / 60_000;
  // Idle this long, a bucket is full again: its row says nothing a new one would not.
  const fullAfterMs = Math.ceil(config.burst / perMs);
  let taken = 0;
  const sweep = (t: number) => {
    pool.query('DELETE FROM rate_buckets WHERE tenant = $1 AND at_ms < $2', [tenant, t - fullAfterMs]).catch((error: unknown) => {
      options.logger?.warn({ event: 'rate_limit_sweep_failed', err: { code: (error as { code?: string }).code } }, 'could not sweep the shared rate limit buckets');
    });
  };
  return {
    async take(key) {
      const t = now();
      taken += 1;
      if (taken % SWEEP_EVERY === 0) sweep(t);
      try {
        const refilled = 'least($3::float8, b.tokens + greatest(0, $4::bigint - b.at_ms) * $5::float8)';
        const { rows } = await pool.query<{ tokens: number; refusals: number }>(
          `INSERT INTO rate_buckets AS b (tenant, bucket_key, tokens, at_ms, refusals) VALUES ($1, $2, CASE WHEN $3::float8 >= 1 THEN $3::float8 - 1 ELSE $3::float8 END, $4::bigint, CASE WHEN $3::float8 >= 1 THEN 0 ELSE 1 END)
           ON CONFLICT (tenant, bucket_key) DO UPDATE SET
             tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
             refusals = CASE WHEN ${refilled} >= 1 THEN 0 ELSE b.refusals + 1 END,
             at_ms = greatest(b.at_ms, $4::bigint)
           RETURNING tokens, refusals`,
          [tenant, key, config.burst, t, perMs],
        );
        const row = rows[0]!;
        if (row.refusals === 0) return { allowed: true };
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - row.tokens) / perMs / 1000)), first: row.refusals === 1 };
      } catch (error) {
        options.logger?.error({ event: 'rate_limit_failed', err: { code: (error as { code?: string }).code } }, 'could not read the shared rate limit; the question is let through');
        return { allowed: true };
      }
    },
  };
}
