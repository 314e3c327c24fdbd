import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logging.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPgPools, type PgPools } from '../../src/store/postgres/pg-pools.js';
import { createPgInstallations, createPgSeenEvents } from '../../src/store/postgres/pg-shared-state.js';
import { createTestDatabase, skipWithoutPostgres } from './postgres-harness.js';

describe.skipIf(skipWithoutPostgres('shared state in PostgreSQL'))('shared state in PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pools: PgPools;
  beforeAll(async () => {
    db = await createTestDatabase();
    pools = createPgPools({ databaseUrl: db.url });
    await migrate(pools.primary);
  }, 60_000);
  afterAll(async () => {
    await pools?.close();
    await db?.drop();
  });

  it('sees an event key once per tenant, and again once it expired', async () => {
    const one = createPgSeenEvents(pools.primary, 'a');
    const other = createPgSeenEvents(pools.primary, 'a');
    expect(await one.firstTime('T1:Ev1')).toBe(true);
    expect(await other.firstTime('T1:Ev1')).toBe(false);
    expect(await createPgSeenEvents(pools.primary, 'b').firstTime('T1:Ev1')).toBe(true);
    await pools.primary.query("UPDATE slack_events SET expires_at = now() - interval '1 second' WHERE tenant = 'a'");
    expect(await other.firstTime('T1:Ev1')).toBe(true);
  });

  it('handles the event when the database fails, and logs it', async () => {
    const broken = createPgPools({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    const logged: unknown[] = [];
    const logger = { error: (o: unknown) => logged.push(o) } as unknown as Logger;
    expect(await createPgSeenEvents(broken.primary, 'a', { logger }).firstTime('T1:Ev2')).toBe(true);
    expect(logged).toEqual([expect.objectContaining({ event: 'seen_events_failed' })]);
    await broken.close();
  });

  it('keeps installation records per tenant', async () => {
    const a = createPgInstallations(pools.primary, 'a');
    await a.put('team:T1', { team: { id: 'T1' }, bot: { token: 'xoxb-1' } });
    await a.put('team:T1', { team: { id: 'T1' }, bot: { token: 'xoxb-2' } });
    expect(await a.get('team:T1')).toEqual({ team: { id: 'T1' }, bot: { token: 'xoxb-2' } });
    expect(await createPgInstallations(pools.primary, 'b').get('team:T1')).toBeNull();
    await a.delete('team:T1');
    expect(await a.get('team:T1')).toBeNull();
  });
});
