import type { Command } from 'commander';
import { StoreError } from '../../store/store-error.js';
import { assertReachable, createPgPools } from '../../store/postgres/pg-pools.js';
import { migrate } from '../../store/postgres/migrate.js';
import type { CliIo } from '../cli-io.js';

/** The primary's URL from `DATABASE_URL`, or a coded error saying what to set. */
export function databaseUrlOf(env: NodeJS.ProcessEnv): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) throw new StoreError('STORE_CONFIG_INVALID', 'Set DATABASE_URL to the PostgreSQL database (for example postgres://user@127.0.0.1:5432/briefbot).');
  return url;
}

/** `briefbot db migrate`: applies the store's SQL migrations in order, each recorded in `schema_migrations`. */
export function registerDb(program: Command, io: CliIo): void {
  const db = program.command('db').description('the PostgreSQL store (DATABASE_URL)');
  db.command('migrate')
    .description('apply the SQL migrations not yet applied, in order (recorded in schema_migrations)')
    .action(async () => {
      const pools = createPgPools({ databaseUrl: databaseUrlOf(io.env), max: 1 });
      try {
        await assertReachable(pools.primary);
        const applied = await migrate(pools.primary);
        io.out(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
      } finally {
        await pools.close();
      }
    });
}
