import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';
import { StoreError } from '../store-error.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** One number for every briefbot: two processes migrating at once take turns. */
const MIGRATION_LOCK = 7_312_012;

/** A migration file: `NNN_name.sql`, applied in the order of its number. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migration files shipped with Briefbot, in order. */
export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .map((f) => ({ version: Number(f.split('_')[0]), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction, in
 * order. Returns the names of those applied now (empty when the database was up to date).
 */
export async function migrate(pool: Pool, migrations: Migration[] = listMigrations()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new StoreError('STORE_MIGRATION_FAILED', `Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** Throws a coded error naming `briefbot db migrate` when the database lacks a migration. */
export async function assertMigrated(pool: Pool, migrations: Migration[] = listMigrations()): Promise<void> {
  const latest = migrations.at(-1)?.version ?? 0;
  let have = 0;
  try {
    const result = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    have = result.rows[0]?.v ?? 0;
  } catch (error) {
    if ((error as { code?: string }).code !== '42P01') throw error;
  }
  if (have < latest) throw new StoreError('STORE_NOT_MIGRATED', 'The database is not up to date: run `briefbot db migrate` first.');
}
