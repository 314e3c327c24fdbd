import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { WatchSchema, type Delivery, type DigestRecord, type NewWatch, type TargetProblem, type Watch, type WatchStore, type WatchTarget } from './watch.js';

/** The store file beside the corpus. */
export function watchStorePath(corpusDir: string): string {
  return join(corpusDir, '.briefbot', 'watches.sqlite');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS watches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL, channel TEXT NOT NULL, label TEXT NOT NULL,
  question TEXT NOT NULL, interpretation TEXT NOT NULL,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS watches_channel ON watches (platform, channel);
CREATE TABLE IF NOT EXISTS references_ (
  platform TEXT NOT NULL, channel TEXT NOT NULL, reference TEXT NOT NULL,
  PRIMARY KEY (platform, channel)
);
CREATE TABLE IF NOT EXISTS deliveries (
  watch_id INTEGER NOT NULL, remark TEXT NOT NULL, status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, last_error TEXT,
  PRIMARY KEY (watch_id, remark)
);
CREATE TABLE IF NOT EXISTS delivered_statements (
  watch_id INTEGER NOT NULL, statement_id TEXT NOT NULL, remark TEXT NOT NULL,
  PRIMARY KEY (watch_id, statement_id)
);
CREATE TABLE IF NOT EXISTS scanned_articles (article_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS digests (
  watch_id INTEGER NOT NULL, slot TEXT NOT NULL, status TEXT NOT NULL, matches INTEGER NOT NULL,
  PRIMARY KEY (watch_id, slot)
);
CREATE TABLE IF NOT EXISTS channel_settings (
  platform TEXT NOT NULL, channel TEXT NOT NULL, time_zone TEXT NOT NULL,
  PRIMARY KEY (platform, channel)
);
CREATE TABLE IF NOT EXISTS target_problems (
  platform TEXT NOT NULL, channel TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL,
  PRIMARY KEY (platform, channel)
);
`;

interface WatchRow { id: number; platform: string; channel: string; label: string; question: string; interpretation: string; daily: string | null; created_by: string; created_at: string }
interface DeliveryRow { watch_id: number; remark: string; status: string; attempts: number; created_at: string; last_error: string | null }

/** Brings a file made by an earlier version up to date (the daily column came later). */
function upgrade(db: Database.Database): void {
  db.exec(SCHEMA);
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(watches)').all().map((c) => c.name);
  if (!columns.includes('daily')) db.exec('ALTER TABLE watches ADD COLUMN daily TEXT');
}

/**
 * A `WatchStore` in one SQLite file (`:memory:` for tests). Every write is one transaction in WAL
 * mode with full sync, so what a call returned is on disk: a crash loses nothing acknowledged.
 */
export function openSqliteWatchStore(file: string): WatchStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.transaction(() => upgrade(db)).immediate();

  const toWatch = (row: WatchRow): Watch =>
    WatchSchema.parse({
      id: row.id,
      target: { platform: row.platform, channel: row.channel, label: row.label },
      question: row.question,
      interpretation: JSON.parse(row.interpretation),
      daily: row.daily === null ? null : JSON.parse(row.daily),
      createdBy: row.created_by,
      createdAt: row.created_at,
    });
  const statementsOf = db.prepare<[number, string], { statement_id: string }>('SELECT statement_id FROM delivered_statements WHERE watch_id = ? AND remark = ? ORDER BY rowid');
  const toDelivery = (row: DeliveryRow): Delivery => ({
    watchId: row.watch_id,
    remark: row.remark,
    statementIds: statementsOf.all(row.watch_id, row.remark).map((r) => r.statement_id),
    status: row.status as Delivery['status'],
    attempts: row.attempts,
    createdAt: row.created_at,
    lastError: row.last_error,
  });

  const countIn = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM watches WHERE platform = ? AND channel = ?');
  const insertWatch = db.prepare('INSERT INTO watches (platform, channel, label, question, interpretation, daily, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertStatement = db.prepare('INSERT OR IGNORE INTO delivered_statements (watch_id, statement_id, remark) VALUES (?, ?, ?)');
  const findRemark = db.prepare<[number, string], { remark: string }>('SELECT remark FROM delivered_statements WHERE watch_id = ? AND statement_id = ?');
  const insertDelivery = db.prepare("INSERT OR IGNORE INTO deliveries (watch_id, remark, status, attempts, created_at) VALUES (?, ?, 'pending', 0, ?)");

  const remarkOf = (watchId: number, ids: readonly string[]): string | null => {
    for (const id of ids) {
      const row = findRemark.get(watchId, id);
      if (row) return row.remark;
    }
    return null;
  };

  const addWatch = db.transaction((watch: NewWatch, limit: number): Watch | 'limit' => {
    if (countIn.get(watch.target.platform, watch.target.channel)!.n >= limit) return 'limit';
    const { target } = watch;
    const daily = watch.daily === null ? null : JSON.stringify(watch.daily);
    const info = insertWatch.run(target.platform, target.channel, target.label, watch.question, JSON.stringify(watch.interpretation), daily, watch.createdBy, watch.createdAt);
    return { ...watch, id: Number(info.lastInsertRowid) };
  });
  const removeWatch = db.transaction((id: number): boolean => {
    const gone = db.prepare('DELETE FROM watches WHERE id = ?').run(id).changes > 0;
    for (const table of ['deliveries', 'delivered_statements', 'digests']) db.prepare(`DELETE FROM ${table} WHERE watch_id = ?`).run(id);
    return gone;
  });
  const addDeliveries = db.transaction((list: Array<Pick<Delivery, 'watchId' | 'remark' | 'statementIds'>>, at: string): Delivery[] => {
    const added: Delivery[] = [];
    for (const d of list) {
      if (remarkOf(d.watchId, d.statementIds) !== null) continue;
      insertDelivery.run(d.watchId, d.remark, at);
      for (const id of d.statementIds) insertStatement.run(d.watchId, id, d.remark);
      added.push({ ...d, status: 'pending', attempts: 0, createdAt: at, lastError: null });
    }
    return added;
  });
  const extendRemark = db.transaction((watchId: number, remark: string, ids: string[]) => {
    for (const id of ids) insertStatement.run(watchId, id, remark);
  });
  const markScanned = db.transaction((ids: readonly string[]) => {
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('scanned', 'yes')").run();
    const insert = db.prepare('INSERT OR IGNORE INTO scanned_articles (article_id) VALUES (?)');
    for (const id of ids) insert.run(id);
  });

  const setChannelTimeZone = db.transaction((platform: string, channel: string, zone: string | null, fallback: string): number => {
    if (zone === null) db.prepare('DELETE FROM channel_settings WHERE platform = ? AND channel = ?').run(platform, channel);
    else
      db.prepare('INSERT INTO channel_settings (platform, channel, time_zone) VALUES (?, ?, ?) ON CONFLICT (platform, channel) DO UPDATE SET time_zone = excluded.time_zone').run(
        platform,
        channel,
        zone,
      );
    return db
      .prepare("UPDATE watches SET daily = json_set(daily, '$.timeZone', ?) WHERE platform = ? AND channel = ? AND daily IS NOT NULL")
      .run(zone ?? fallback, platform, channel).changes;
  });

  let turn: Promise<unknown> = Promise.resolve();
  return {
    addWatch: async (watch, limit) => addWatch(watch, limit),
    async listWatches(target?: Pick<WatchTarget, 'platform' | 'channel'>) {
      const rows = target
        ? db.prepare<[string, string], WatchRow>('SELECT * FROM watches WHERE platform = ? AND channel = ? ORDER BY id').all(target.platform, target.channel)
        : db.prepare<[], WatchRow>('SELECT * FROM watches ORDER BY id').all();
      return rows.map(toWatch);
    },
    removeWatch: async (id) => removeWatch(id),
    async saveReference(platform, channel, reference) {
      db.prepare('INSERT INTO references_ (platform, channel, reference) VALUES (?, ?, ?) ON CONFLICT (platform, channel) DO UPDATE SET reference = excluded.reference').run(
        platform,
        channel,
        JSON.stringify(reference),
      );
    },
    async reference(platform, channel) {
      const row = db.prepare<[string, string], { reference: string }>('SELECT reference FROM references_ WHERE platform = ? AND channel = ?').get(platform, channel);
      return row ? (JSON.parse(row.reference) as unknown) : null;
    },
    addDeliveries: async (list, at) => addDeliveries(list, at),
    extendRemark: async (watchId, remark, ids) => extendRemark(watchId, remark, ids),
    remarkOf: async (watchId, ids) => remarkOf(watchId, ids),
    pendingDeliveries: async () => db.prepare<[], DeliveryRow>("SELECT * FROM deliveries WHERE status = 'pending' ORDER BY created_at, rowid").all().map(toDelivery),
    async markDelivery(watchId, remark, outcome) {
      db.prepare('UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ? WHERE watch_id = ? AND remark = ?').run(outcome.status, outcome.error ?? null, watchId, remark);
    },
    async lastDigest(watchId) {
      const row = db.prepare<[number], { slot: string; status: string; matches: number }>('SELECT slot, status, matches FROM digests WHERE watch_id = ? ORDER BY slot DESC LIMIT 1').get(watchId);
      return row ? { watchId, slot: row.slot, status: row.status as DigestRecord['status'], matches: row.matches } : null;
    },
    async recordDigest(record) {
      db.prepare('INSERT INTO digests (watch_id, slot, status, matches) VALUES (?, ?, ?, ?) ON CONFLICT (watch_id, slot) DO UPDATE SET status = excluded.status, matches = excluded.matches').run(
        record.watchId,
        record.slot,
        record.status,
        record.matches,
      );
    },
    async setTargetProblem(platform, channel, problem) {
      if (problem === null) db.prepare('DELETE FROM target_problems WHERE platform = ? AND channel = ?').run(platform, channel);
      else
        db.prepare('INSERT INTO target_problems (platform, channel, code, message, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, channel) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at').run(
          platform,
          channel,
          problem.code,
          problem.message,
          problem.at,
        );
    },
    async targetProblem(platform, channel) {
      const row = db.prepare<[string, string], TargetProblem>('SELECT code, message, at FROM target_problems WHERE platform = ? AND channel = ?').get(platform, channel);
      return row ? { code: row.code, message: row.message, at: row.at } : null;
    },
    async channelTimeZone(platform, channel) {
      const row = db.prepare<[string, string], { time_zone: string }>('SELECT time_zone FROM channel_settings WHERE platform = ? AND channel = ?').get(platform, channel);
      return row?.time_zone ?? null;
    },
    setChannelTimeZone: async (platform, channel, zone, fallback) => setChannelTimeZone(platform, channel, zone, fallback),
    scannedArticles: async () =>
      db.prepare("SELECT 1 FROM meta WHERE key = 'scanned'").get() === undefined
        ? null
        : new Set(db.prepare<[], { article_id: string }>('SELECT article_id FROM scanned_articles').all().map((r) => r.article_id)),
    markScanned: async (ids) => markScanned(ids),
    // One process owns the file (the server): taking turns within it is enough.
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      const run = turn.then(work);
      turn = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    close: async () => void db.close(),
  };
}
