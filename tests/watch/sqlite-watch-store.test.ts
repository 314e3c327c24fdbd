import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteWatchStore, watchStorePath } from '../../src/watch/sqlite-watch-store.js';
import { describeWatchStoreContract } from './watch-store-contract.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'briefbot-watch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite watch store', () => {
  describeWatchStoreContract(
    async () => openSqliteWatchStore(watchStorePath(dir)),
    async (store) => {
      await store.close();
      return openSqliteWatchStore(watchStorePath(dir));
    },
  );

  it('opens a file written before daily digests existed, its watches immediate', async () => {
    const file = watchStorePath(dir);
    openSqliteWatchStore(file).close();
    // The earlier layout: no daily column.
    const db = new Database(file);
    db.exec('DROP TABLE watches');
    db.exec('CREATE TABLE watches (id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, channel TEXT NOT NULL, label TEXT NOT NULL, question TEXT NOT NULL, interpretation TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL)');
    const interpretation = { question: 'Hunt', speaker: null, speakerQuery: 'Hunt', topic: null, phrase: null, dateFrom: null, dateTo: null, dateText: null, outlet: null, sort: 'relevance' };
    db.prepare('INSERT INTO watches (platform, channel, label, question, interpretation, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run('slack', 'C1', '#x', 'Hunt', JSON.stringify(interpretation), 'U1', 't');
    db.close();
    const store = openSqliteWatchStore(file);
    expect(await store.listWatches()).toMatchObject([{ question: 'Hunt', daily: null }]);
    await store.close();
  });
});
