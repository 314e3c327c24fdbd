import { z } from 'zod';
import { StoreError } from './store-error.js';

/** An environment value, with blank treated as unset. */
function blankAsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);
}

/** A `postgres://` or `postgresql://` connection URL, checked for shape only (no connection made). */
function postgresUrl(name: string) {
  return z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, `${name} must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/briefbot`);
}

/**
 * The store variables of the environment.
 *
 * - `BRIEFBOT_STORE`: `memory` (default: the in-process index, nothing to install) or `postgres`.
 * - `DATABASE_URL`: the PostgreSQL primary; required when `BRIEFBOT_STORE=postgres`.
 * - `DATABASE_REPLICA_URL`: an optional read replica that searches go to; writes stay on the primary.
 * - `BRIEFBOT_PG_READS`: `on-demand` (default: each question reads the rows it needs, so start time
 *   and memory do not grow with the corpus) or `held` (every statement read into memory at start).
 */
export const StoreEnvSchema = z.object({
  BRIEFBOT_STORE: blankAsUnset(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['memory', 'postgres'], { error: 'BRIEFBOT_STORE must be memory or postgres' }))
      .default('memory'),
  ),
  DATABASE_URL: blankAsUnset(postgresUrl('DATABASE_URL').optional()),
  DATABASE_REPLICA_URL: blankAsUnset(postgresUrl('DATABASE_REPLICA_URL').optional()),
  BRIEFBOT_PG_READS: blankAsUnset(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['on-demand', 'held'], { error: 'BRIEFBOT_PG_READS must be on-demand or held' }))
      .default('on-demand'),
  ),
});

/** Which corpus store to open, with what it needs. */
export type StoreConfig =
  | { kind: 'memory' }
  | { kind: 'postgres'; databaseUrl: string; replicaUrl?: string; reads: 'on-demand' | 'held' };

/**
 * Reads the store configuration from `env`. A half-configured store (postgres without a URL, or a
 * URL that is not one) throws at start, naming the variable to set.
 */
export function loadStoreConfig(env: Record<string, string | undefined>): StoreConfig {
  const parsed = StoreEnvSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => issue.message);
    throw new StoreError('STORE_CONFIG_INVALID', `Store configuration is invalid: ${details.join('; ')}`, { cause: parsed.error });
  }
  const vars = parsed.data;
  if (vars.BRIEFBOT_STORE === 'memory') return { kind: 'memory' };
  if (vars.DATABASE_URL === undefined) {
    throw new StoreError(
      'STORE_CONFIG_INVALID',
      'Store configuration is invalid: BRIEFBOT_STORE=postgres needs DATABASE_URL (for example postgres://user@127.0.0.1:5432/briefbot)',
    );
  }
  return {
    kind: 'postgres',
    databaseUrl: vars.DATABASE_URL,
    reads: vars.BRIEFBOT_PG_READS,
    ...(vars.DATABASE_REPLICA_URL !== undefined ? { replicaUrl: vars.DATABASE_REPLICA_URL } : {}),
  };
}

const TenantSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'BRIEFBOT_TENANT must be 1 to 64 letters, digits, dots, dashes or underscores');

/**
 * The tenant a process serves from a shared database (`BRIEFBOT_TENANT`, default `default`): every
 * row of the PostgreSQL store carries it, so one database holds several corpora.
 */
export function loadTenant(env: Record<string, string | undefined>): string {
  const raw = env.BRIEFBOT_TENANT;
  if (raw === undefined || raw.trim() === '') return 'default';
  const parsed = TenantSchema.safeParse(raw);
  if (!parsed.success) throw new StoreError('STORE_CONFIG_INVALID', `Store configuration is invalid: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
