import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { InstallationRecords } from './shared-state.js';

/** The installations file beside the corpus, for the in-process store (PostgreSQL keeps them in `slack_installations`). */
export function installationsPath(corpusDir: string): string {
  return join(corpusDir, '.briefbot', 'installations.sqlite');
}

/**
 * Chat installations in a SQLite file, for one `briefbot serve` without PostgreSQL: they outlive a
 * restart. The file is made on first use, so token mode never creates it.
 */
export function openSqliteInstallations(file: string): InstallationRecords & { close(): void } {
  let db: Database.Database | null = null;
  const open = (): Database.Database => {
    if (db) return db;
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS installations (install_key TEXT PRIMARY KEY, installation TEXT NOT NULL, updated_at TEXT NOT NULL)');
    return db;
  };
  return {
    async put(key, record) {
      open()
        .prepare('INSERT INTO installations (install_key, installation, updated_at) VALUES (?, ?, ?) ON CONFLICT (install_key) DO UPDATE SET installation = excluded.installation, updated_at = excluded.updated_at')
        .run(key, JSON.stringify(record), new Date().toISOString());
    },
    async get(key) {
      const row = open().prepare<[string], { installation: string }>('SELECT installation FROM installations WHERE install_key = ?').get(key);
      return row === undefined ? null : (JSON.parse(row.installation) as unknown);
    },
    async delete(key) {
      open().prepare('DELETE FROM installations WHERE install_key = ?').run(key);
    },
    close() {
      db?.close();
      db = null;
    },
  };
}
