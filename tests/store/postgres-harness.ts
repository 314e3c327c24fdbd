import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Under CI the PostgreSQL tests must run: a missing server fails them instead of skipping. */
export const IN_CI = process.env.CI === 'true';

const CANDIDATES = ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://root@127.0.0.1:5432/postgres', 'postgres://root@127.0.0.1:5432/root', 'postgres://postgres@127.0.0.1:5432/test'];

/** The first admin URL that answers on 127.0.0.1:5432, or null (with why). */
export async function findPostgres(): Promise<{ url: string; reason?: undefined } | { url: null; reason: string }> {
  let reason = 'nothing answered';
  for (const url of CANDIDATES) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return { url };
    } catch (error) {
      reason = (error as { code?: string }).code ?? (error as Error).message;
      await client.end().catch(() => undefined);
    }
  }
  return { url: null, reason };
}

/** Found once for every test file that asks. */
export const POSTGRES = await findPostgres();

/** Whether the PostgreSQL tests skip here (never under CI), saying why once. */
export function skipWithoutPostgres(what: string): boolean {
  if (POSTGRES.url || IN_CI) return false;
  console.warn(`skipped: ${what}: no PostgreSQL at 127.0.0.1:5432 (${POSTGRES.reason}); set CI=true to make this a failure`);
  return true;
}

/** A fresh database of its own for one test file; `drop` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!POSTGRES.url) throw new Error(`PostgreSQL is required under CI but 127.0.0.1:5432 did not answer (${POSTGRES.reason})`);
  const name = `briefbot_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES.url! });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
