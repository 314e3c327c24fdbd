import { describe, expect, it } from 'vitest';
import { loadStoreConfig } from '../../src/store/store-config.js';
import { StoreError } from '../../src/store/store-error.js';

function failure(env: Record<string, string | undefined>): StoreError {
  try {
    loadStoreConfig(env);
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected loadStoreConfig to throw');
}

describe('loadStoreConfig', () => {
  it('defaults to the in-process store when nothing is set or the value is blank', () => {
    expect(loadStoreConfig({})).toEqual({ kind: 'memory' });
    expect(loadStoreConfig({ BRIEFBOT_STORE: '  ' })).toEqual({ kind: 'memory' });
    expect(loadStoreConfig({ BRIEFBOT_STORE: 'Memory', DATABASE_URL: '' })).toEqual({ kind: 'memory' });
  });

  it('reads postgres with its primary and optional replica', () => {
    expect(loadStoreConfig({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: 'postgres://root@127.0.0.1:5432/briefbot' })).toEqual({
      kind: 'postgres',
      databaseUrl: 'postgres://root@127.0.0.1:5432/briefbot',
      reads: 'on-demand',
    });
    expect(
      loadStoreConfig({
        BRIEFBOT_STORE: ' POSTGRES ',
        DATABASE_URL: 'postgresql://root@db-primary/briefbot',
        DATABASE_REPLICA_URL: 'postgresql://root@db-replica/briefbot',
        BRIEFBOT_PG_READS: ' Held ',
      }),
    ).toEqual({ kind: 'postgres', databaseUrl: 'postgresql://root@db-primary/briefbot', replicaUrl: 'postgresql://root@db-replica/briefbot', reads: 'held' });
  });

  it('names DATABASE_URL when postgres is chosen without one', () => {
    const error = failure({ BRIEFBOT_STORE: 'postgres' });
    expect(error.code).toBe('STORE_CONFIG_INVALID');
    expect(error.message).toContain('needs DATABASE_URL');
  });

  it('names the variable and the values it takes when one is wrong', () => {
    expect(failure({ BRIEFBOT_STORE: 'sqlite' }).message).toContain('BRIEFBOT_STORE must be memory or postgres');
    expect(failure({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: 'postgres://root@127.0.0.1/briefbot', BRIEFBOT_PG_READS: 'lazy' }).message).toContain('BRIEFBOT_PG_READS must be on-demand or held');
    const badUrl = failure({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: 'mysql://root@127.0.0.1/briefbot' });
    expect(badUrl.message).toContain('DATABASE_URL must be a PostgreSQL URL');
    const badReplica = failure({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: 'postgres://127.0.0.1/b', DATABASE_REPLICA_URL: 'replica' });
    expect(badReplica.message).toContain('DATABASE_REPLICA_URL must be a PostgreSQL URL');
  });
});
