import type { Pool, PoolClient } from 'pg';
import { WatchSchema, type Delivery, type DigestRecord, type NewWatch, type Watch, type WatchStore } from '../../watch/watch.js';
import { assertMigrated } from './migrate.js';

/** One advisory-lock class for watch runs; the second key is the tenant's hash. */
const WATCH_RUN_LOCK = 7_312_015;

interface WatchRow { id: string; platform: string; channel: string; label: string; question: string; interpretation: unknown; daily: unknown; created_by: string; created_at: string }
interface DeliveryRow { watch_id: string; remark: string; status: string; attempts: number; created_at: string; last_error: string | null; statement_ids: string[] | null }

const toWatch = (row: WatchRow): Watch =>
  WatchSchema.parse({
    id: Number(row.id),
    target: { platform: row.platform, channel: row.channel, label: row.label },
    question: row.question,
    interpretation: row.interpretation,
    daily: row.daily ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at,
  });

const toDelivery = (row: DeliveryRow): Delivery => ({
  watchId: Number(row.watch_id),
  remark: row.remark,
  statementIds: row.statement_ids ?? [],
  status: row.status as Delivery['status'],
  attempts: row.attempts,
  createdAt: row.created_at,
  lastError: row.last_error,
});

const DELIVERY_SELECT = `SELECT d.watch_id, d.remark, d.status, d.attempts, d.created_at, d.last_error,
  (SELECT array_agg(s.statement_id ORDER BY s.seq) FROM watch_statements s WHERE s.tenant = d.tenant AND s.watch_id = d.watch_id AND s.remark = d.remark) AS statement_ids
  FROM watch_deliveries d`;

/**
 * A `WatchStore` in PostgreSQL (migration 003), every row under the tenant, so replicas of one
 * deployment share watches, references and delivery records; `exclusive` takes an advisory lock,
 * so only one replica scans and posts at a time and none posts what another did. The pool is the
 * caller's: `close` leaves it open.
 */
export function openPgWatchStore(pool: Pool, tenant: string): WatchStore {
  let migrated: Promise<void> | null = null;
  // The tables come from `briefbot db migrate`; a database without them says so once, by name.
  const ready = () => (migrated ??= assertMigrated(pool).catch((error: unknown) => {
    migrated = null;
    throw error;
  }));
  const query = async <R extends object>(sql: string, params: unknown[] = []) => {
    await ready();
    return (await pool.query<R>(sql, params)).rows;
  };
  const transaction = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    await ready();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const remarkOf = async (client: Pool | PoolClient, watchId: number, ids: readonly string[]): Promise<string | null> => {
    if (ids.length === 0) return null;
    const rows = (await client.query<{ remark: string }>('SELECT remark FROM watch_statements WHERE tenant = $1 AND watch_id = $2 AND statement_id = ANY($3) ORDER BY array_position($3, statement_id) LIMIT 1', [tenant, watchId, ids])).rows;
    return rows[0]?.remark ?? null;
  };
  const insertStatements = (client: PoolClient, watchId: number, remark: string, ids: readonly string[]) =>
    client.query(
      `INSERT INTO watch_statements (tenant, watch_id, statement_id, remark)
       SELECT $1, $2, id, $3 FROM unnest($4::text[]) WITH ORDINALITY AS u(id, n)
       WHERE EXISTS (SELECT 1 FROM watches WHERE tenant = $1 AND id = $2) ORDER BY n
       ON CONFLICT DO NOTHING`,
      [tenant, watchId, remark, ids],
    );

  return {
    addWatch: (watch: NewWatch, limit: number) =>
      transaction(async (client) => {
        // One channel's additions take turns, so two at once cannot both pass the limit.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`watches:${tenant}:${watch.target.platform}:${watch.target.channel}`]);
        const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM watches WHERE tenant = $1 AND platform = $2 AND channel = $3', [tenant, watch.target.platform, watch.target.channel]);
        if (Number(count.rows[0]!.n) >= limit) return 'limit' as const;
        const { target } = watch;
        const inserted = await client.query<{ id: string }>(
          'INSERT INTO watches (tenant, platform, channel, label, question, interpretation, daily, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id',
          [tenant, target.platform, target.channel, target.label, watch.question, JSON.stringify(watch.interpretation), watch.daily === null ? null : JSON.stringify(watch.daily), watch.createdBy, watch.createdAt],
        );
        return { ...watch, id: Number(inserted.rows[0]!.id) };
      }),
    async listWatches(target) {
      const rows = target
        ? await query<WatchRow>('SELECT * FROM watches WHERE tenant = $1 AND platform = $2 AND channel = $3 ORDER BY id', [tenant, target.platform, target.channel])
        : await query<WatchRow>('SELECT * FROM watches WHERE tenant = $1 ORDER BY id', [tenant]);
      return rows.map(toWatch);
    },
    // Deliveries, statements and digests go with it (ON DELETE CASCADE).
    removeWatch: async (id) => (await query('DELETE FROM watches WHERE tenant = $1 AND id = $2 RETURNING id', [tenant, id])).length > 0,
    async saveReference(platform, channel, reference) {
      await query(
        'INSERT INTO watch_references (tenant, platform, channel, reference) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant, platform, channel) DO UPDATE SET reference = excluded.reference',
        [tenant, platform, channel, JSON.stringify(reference)],
      );
    },
    async channelTimeZone(platform, channel) {
      const rows = await query<{ time_zone: string }>('SELECT time_zone FROM watch_channel_settings WHERE tenant = $1 AND platform = $2 AND channel = $3', [tenant, platform, channel]);
      return rows[0]?.time_zone ?? null;
    },
    setChannelTimeZone: (platform, channel, zone, fallback) =>
      transaction(async (client) => {
        if (zone === null) await client.query('DELETE FROM watch_channel_settings WHERE tenant = $1 AND platform = $2 AND channel = $3', [tenant, platform, channel]);
        else
          await client.query(
            `INSERT INTO watch_channel_settings (tenant, platform, channel, time_zone) VALUES ($1, $2, $3, $4)
             ON CONFLICT (tenant, platform, channel) DO UPDATE SET time_zone = excluded.time_zone`,
            [tenant, platform, channel, zone],
          );
        const moved = await client.query(
          `UPDATE watches SET daily = jsonb_set(daily, '{timeZone}', to_jsonb($4::text)) WHERE tenant = $1 AND platform = $2 AND channel = $3 AND daily IS NOT NULL`,
          [tenant, platform, channel, zone ?? fallback],
        );
        return moved.rowCount ?? 0;
      }),
    async reference(platform, channel) {
      const rows = await query<{ reference: unknown }>('SELECT reference FROM watch_references WHERE tenant = $1 AND platform = $2 AND channel = $3', [tenant, platform, channel]);
      return rows[0]?.reference ?? null;
    },
    addDeliveries: (list, at) =>
      transaction(async (client) => {
        const added: Delivery[] = [];
        for (const d of list) {
          if ((await remarkOf(client, d.watchId, d.statementIds)) !== null) continue;
          const inserted = await client.query(
            `INSERT INTO watch_deliveries (tenant, watch_id, remark, status, attempts, created_at)
             SELECT $1, $2, $3, 'pending', 0, $4 WHERE EXISTS (SELECT 1 FROM watches WHERE tenant = $1 AND id = $2)
             ON CONFLICT DO NOTHING RETURNING remark`,
            [tenant, d.watchId, d.remark, at],
          );
          if ((inserted.rowCount ?? 0) === 0) continue;
          await insertStatements(client, d.watchId, d.remark, d.statementIds);
          added.push({ ...d, status: 'pending', attempts: 0, createdAt: at, lastError: null });
        }
        return added;
      }),
    extendRemark: (watchId, remark, ids) => transaction(async (client) => void (await insertStatements(client, watchId, remark, ids))),
    remarkOf: async (watchId, ids) => {
      await ready();
      return remarkOf(pool, watchId, ids);
    },
    pendingDeliveries: async () => (await query<DeliveryRow>(`${DELIVERY_SELECT} WHERE d.tenant = $1 AND d.status = 'pending' ORDER BY d.created_at, d.seq`, [tenant])).map(toDelivery),
    async markDelivery(watchId, remark, outcome) {
      await query('UPDATE watch_deliveries SET status = $4, attempts = attempts + 1, last_error = $5 WHERE tenant = $1 AND watch_id = $2 AND remark = $3', [tenant, watchId, remark, outcome.status, outcome.error ?? null]);
    },
    async lastDigest(watchId) {
      const rows = await query<{ slot: string; status: string; matches: number }>('SELECT slot, status, matches FROM watch_digests WHERE tenant = $1 AND watch_id = $2 ORDER BY slot DESC LIMIT 1', [tenant, watchId]);
      const row = rows[0];
      return row ? { watchId, slot: row.slot, status: row.status as DigestRecord['status'], matches: row.matches } : null;
    },
    async recordDigest(record) {
      await query(
        `INSERT INTO watch_digests (tenant, watch_id, slot, status, matches) SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM watches WHERE tenant = $1 AND id = $2)
         ON CONFLICT (tenant, watch_id, slot) DO UPDATE SET status = excluded.status, matches = excluded.matches`,
        [tenant, record.watchId, record.slot, record.status, record.matches],
      );
    },
    async setTargetProblem(platform, channel, problem) {
      if (problem === null) await query('DELETE FROM watch_target_problems WHERE tenant = $1 AND platform = $2 AND channel = $3', [tenant, platform, channel]);
      else
        await query(
          `INSERT INTO watch_target_problems (tenant, platform, channel, code, message, at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (tenant, platform, channel) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at`,
          [tenant, platform, channel, problem.code, problem.message, problem.at],
        );
    },
    async targetProblem(platform, channel) {
      const rows = await query<{ code: string; message: string; at: string }>('SELECT code, message, at FROM watch_target_problems WHERE tenant = $1 AND platform = $2 AND channel = $3', [tenant, platform, channel]);
      return rows[0] ?? null;
    },
    async scannedArticles() {
      if ((await query('SELECT 1 FROM watch_scans WHERE tenant = $1', [tenant])).length === 0) return null;
      return new Set((await query<{ article_id: string }>('SELECT article_id FROM watch_scanned_articles WHERE tenant = $1', [tenant])).map((r) => r.article_id));
    },
    markScanned: (ids) =>
      transaction(async (client) => {
        await client.query('INSERT INTO watch_scans (tenant) VALUES ($1) ON CONFLICT DO NOTHING', [tenant]);
        await client.query('INSERT INTO watch_scanned_articles (tenant, article_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [tenant, [...ids]]);
      }),
    async exclusive(work) {
      await ready();
      // A session lock on a connection of its own, held while the work runs on others.
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [WATCH_RUN_LOCK, tenant]);
        try {
          return await work();
        } finally {
          // A connection that cannot unlock is thrown away: closing it lets the lock go.
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [WATCH_RUN_LOCK, tenant]).catch(() => (broken = true));
        }
      } finally {
        client.release(broken);
      }
    },
    close: async () => undefined,
  };
}
