import pg from 'pg';
import type { Logger } from '../../logging.js';
import { StoreError } from '../store-error.js';

/** The primary (writes, notifications, shared state) and where searches go: the replica when there is one. */
export interface PgPools {
  primary: pg.Pool;
  reads: pg.Pool;
  close(): Promise<void>;
}

/**
 * Opens the pools of a PostgreSQL store. A lost connection is logged and the pool replaces it; it
 * never crashes the process. The password in a URL is never logged.
 */
export function createPgPools(config: { databaseUrl: string; replicaUrl?: string; max?: number }, logger?: Logger): PgPools {
  const make = (connectionString: string, role: string) => {
    const pool = new pg.Pool({ connectionString, max: config.max ?? 8, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
    pool.on('error', (error) => logger?.error({ event: 'pg_connection_lost', role, err: { code: (error as { code?: string }).code, message: error.message } }, 'a PostgreSQL connection was lost'));
    return pool;
  };
  const primary = make(config.databaseUrl, 'primary');
  const reads = config.replicaUrl ? make(config.replicaUrl, 'replica') : primary;
  return {
    primary,
    reads,
    async close() {
      await primary.end();
      if (reads !== primary) await reads.end();
    },
  };
}

/** Checks that the database answers; a coded error saying where it tried otherwise. */
export async function assertReachable(pool: pg.Pool, what = 'DATABASE_URL'): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    throw new StoreError('STORE_UNREACHABLE', `PostgreSQL at ${what} cannot be reached (${(error as { code?: string }).code ?? (error as Error).message}).`, { cause: error });
  }
}
