import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logging.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPgPools, type PgPools } from '../../src/store/postgres/pg-pools.js';
import { createPgRateLimiter } from '../../src/store/postgres/pg-rate-limiter.js';
import { createTestDatabase, skipWithoutPostgres } from './postgres-harness.js';

/** Two replicas: two pools on one database, each with its own limiter, one clock (injected). */
describe.skipIf(skipWithoutPostgres('rate limits shared in PostgreSQL'))('per-user rate limits shared by replicas', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let one: PgPools;
  let two: PgPools;
  let t = 1_796_000_000_000;
  const now = () => t;
  const config = { burst: 3, perMinute: 60 };
  beforeAll(async () => {
    db = await createTestDatabase();
    one = createPgPools({ databaseUrl: db.url });
    two = createPgPools({ databaseUrl: db.url });
    await migrate(one.primary);
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  it('counts a user’s questions in one bucket whichever replica answers, and refills with time', async () => {
    const a = createPgRateLimiter(one.primary, 'press', config, { now });
    const b = createPgRateLimiter(two.primary, 'press', config, { now });
    const key = 'slack:T1:U1';
    expect(await a.take(key)).toEqual({ allowed: true });
    expect(await b.take(key)).toEqual({ allowed: true });
    expect(await a.take(key)).toEqual({ allowed: true });
    // The burst is spent across both: refused on either, the first refusal marked as such.
    expect(await b.take(key)).toEqual({ allowed: false, retryAfterSeconds: 1, first: true });
    expect(await a.take(key)).toEqual({ allowed: false, retryAfterSeconds: 1, first: false });
    // Another user, and the same user in another tenant, have buckets of their own.
    expect(await a.take('slack:T1:U2')).toEqual({ allowed: true });
    expect(await createPgRateLimiter(two.primary, 'wire', config, { now }).take(key)).toEqual({ allowed: true });
    // One a second at 60 a minute.
    t += 1000;
    expect(await b.take(key)).toEqual({ allowed: true });
    expect(await a.take(key)).toMatchObject({ allowed: false, first: true });
    t += 60_000;
    for (let i = 0; i < 3; i += 1) expect(await a.take(key)).toEqual({ allowed: true });
    expect(await b.take(key)).toMatchObject({ allowed: false });
  });

  it('never lets more than the burst through when both replicas are asked at once', async () => {
    const a = createPgRateLimiter(one.primary, 'press', config, { now });
    const b = createPgRateLimiter(two.primary, 'press', config, { now });
    const decisions = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? a : b).take('teams:tenant-1:user-9')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
    expect(decisions.filter((d) => !d.allowed && d.first)).toHaveLength(1);
  });

  it('lets the question through, and logs it, when the database fails', async () => {
    const broken = createPgPools({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    const logged: unknown[] = [];
    const logger = { error: (o: unknown) => logged.push(o), warn: () => undefined } as unknown as Logger;
    expect(await createPgRateLimiter(broken.primary, 'press', config, { now, logger }).take('slack:T1:U1')).toEqual({ allowed: true });
    expect(logged).toEqual([expect.objectContaining({ event: 'rate_limit_failed' })]);
    await broken.close();
  });
});
