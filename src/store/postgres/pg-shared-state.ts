import type { Pool } from 'pg';
import type { Logger } from '../../logging.js';
import type { InstallationRecords, SeenEvents, SharedState } from '../shared-state.js';

/** Slack redelivers for about an hour at most; an event id is remembered a day. */
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired event ids are swept every this many offers. */
const SWEEP_EVERY = 200;

/**
 * Event ids in PostgreSQL, for several replicas: an id inserted by one is a repeat for all, until it
 * expires. A database that fails is logged and the event handled (answering twice beats not at all).
 */
export function createPgSeenEvents(pool: Pool, tenant: string, options: { ttlMs?: number; logger?: Logger } = {}): SeenEvents {
  const ttl = options.ttlMs ?? DEFAULT_TTL_MS;
  let offers = 0;
  return {
    async firstTime(key) {
      try {
        if (++offers % SWEEP_EVERY === 0) await pool.query('DELETE FROM slack_events WHERE expires_at < now()');
        const result = await pool.query(
          `INSERT INTO slack_events (tenant, event_key, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
           ON CONFLICT (tenant, event_key) DO UPDATE SET expires_at = excluded.expires_at WHERE slack_events.expires_at < now()
           RETURNING 1`,
          [tenant, key, ttl],
        );
        return (result.rowCount ?? 0) > 0;
      } catch (error) {
        options.logger?.error({ event: 'seen_events_failed', err: { code: (error as { code?: string }).code } }, 'could not check an event id in PostgreSQL; handling the event');
        return true;
      }
    },
  };
}

/** Installation records in PostgreSQL, scoped to the tenant. */
export function createPgInstallations(pool: Pool, tenant: string): InstallationRecords {
  return {
    async put(key, record) {
      await pool.query(
        `INSERT INTO slack_installations (tenant, install_key, installation) VALUES ($1, $2, $3)
         ON CONFLICT (tenant, install_key) DO UPDATE SET installation = excluded.installation, updated_at = now()`,
        [tenant, key, JSON.stringify(record)],
      );
    },
    async get(key) {
      const result = await pool.query<{ installation: unknown }>('SELECT installation FROM slack_installations WHERE tenant = $1 AND install_key = $2', [tenant, key]);
      return result.rows[0]?.installation ?? null;
    },
    async delete(key) {
      await pool.query('DELETE FROM slack_installations WHERE tenant = $1 AND install_key = $2', [tenant, key]);
    },
  };
}

/** The shared state of replicas on one PostgreSQL database. */
export function createPgSharedState(pool: Pool, tenant: string, logger?: Logger): SharedState {
  return { seenEvents: createPgSeenEvents(pool, tenant, logger ? { logger } : {}), installations: createPgInstallations(pool, tenant) };
}
