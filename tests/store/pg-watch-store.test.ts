import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPgPools, type PgPools } from '../../src/store/postgres/pg-pools.js';
import { openPgWatchStore } from '../../src/store/postgres/pg-watch-store.js';
import { contractWatch, describeWatchStoreContract } from '../watch/watch-store-contract.js';
import { createTestDatabase, skipWithoutPostgres } from './postgres-harness.js';

/** The SQLite store's contract, against real PostgreSQL: each test its own tenant, a restart a new pool. */
describe.skipIf(skipWithoutPostgres('watch store in PostgreSQL'))('watch store in PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const pools: PgPools[] = [];
  const pool = () => {
    const made = createPgPools({ databaseUrl: db.url, max: 4 });
    pools.push(made);
    return made.primary;
  };
  const tenants = new WeakMap<object, string>();
  beforeAll(async () => {
    db = await createTestDatabase();
    const first = createPgPools({ databaseUrl: db.url });
    await migrate(first.primary);
    await first.close();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await db?.drop();
  });

  describeWatchStoreContract(
    async () => {
      const tenant = `t_${randomBytes(4).toString('hex')}`;
      const store = openPgWatchStore(pool(), tenant);
      tenants.set(store, tenant);
      return store;
    },
    async (store) => {
      await store.close();
      const again = openPgWatchStore(pool(), tenants.get(store)!);
      tenants.set(again, tenants.get(store)!);
      return again;
    },
  );

  it('keeps tenants apart', async () => {
    const a = openPgWatchStore(pool(), 'tenant_a');
    const b = openPgWatchStore(pool(), 'tenant_b');
    const saved = await a.addWatch(contractWatch, 10);
    if (saved === 'limit') throw new Error('limit');
    await a.markScanned(['x']);
    expect(await b.listWatches()).toEqual([]);
    expect(await b.scannedArticles()).toBeNull();
    expect(await b.removeWatch(saved.id)).toBe(false);
    expect(await a.listWatches()).toHaveLength(1);
  });

  it('lets one replica run at a time: a second store on another pool waits for the first', async () => {
    const tenant = `t_${randomBytes(4).toString('hex')}`;
    const one = openPgWatchStore(pool(), tenant);
    const two = openPgWatchStore(pool(), tenant);
    const order: string[] = [];
    let enter!: () => void;
    const entered = new Promise<void>((resolve) => (enter = resolve));
    let leave!: () => void;
    const held = new Promise<void>((resolve) => (leave = resolve));
    const first = one.exclusive(async () => {
      order.push('one+');
      enter();
      await held;
      order.push('one-');
    });
    await entered;
    const second = two.exclusive(async () => void order.push('two'));
    // The second replica is blocked in pg_advisory_lock until the first lets go.
    const blocked = await Promise.race([second.then(() => false), new Promise<boolean>((resolve) => setImmediate(() => resolve(true)))]);
    expect(blocked).toBe(true);
    leave();
    await Promise.all([first, second]);
    expect(order).toEqual(['one+', 'one-', 'two']);
  });

  it('says the database needs `briefbot db migrate` when the tables are missing', async () => {
    const bare = await createTestDatabase();
    const made = createPgPools({ databaseUrl: bare.url, max: 2 });
    try {
      await expect(openPgWatchStore(made.primary, 'x').listWatches()).rejects.toMatchObject({ code: 'STORE_NOT_MIGRATED' });
    } finally {
      await made.close();
      await bare.drop();
    }
  });
});
