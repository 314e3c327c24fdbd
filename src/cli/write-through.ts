import { loadStoreConfig, loadTenant } from '../store/store-config.js';
import { createPgPools } from '../store/postgres/pg-pools.js';
import { indexToPostgres } from '../store/postgres/postgres-briefbot.js';
import type { CliIo } from './cli-io.js';

/**
 * After `add` or `import` wrote corpus files: with `BRIEFBOT_STORE=postgres`, the changed articles
 * are written to the database too (the other processes hear of it through NOTIFY). The files stay
 * whatever happens; a database that fails is reported with what to run later.
 */
export async function writeThrough(io: CliIo, corpusDir: string): Promise<void> {
  const store = loadStoreConfig(io.env);
  if (store.kind !== 'postgres') return;
  const tenant = loadTenant(io.env);
  const pools = createPgPools({ databaseUrl: store.databaseUrl, max: 2 });
  try {
    const summary = await indexToPostgres({ pools, tenant, corpusDir });
    io.out(`PostgreSQL (tenant ${tenant}): ${summary.written} article(s) written, ${summary.removed} removed.`);
  } catch (error) {
    io.err(`briefbot: the files were written, but not to PostgreSQL (${(error as Error).message}); run briefbot index --store postgres to catch up.`);
    io.exitCode = 1;
  } finally {
    await pools.close();
  }
}
