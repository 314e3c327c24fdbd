import { openBriefbot } from '../answer/open-briefbot.js';
import type { Briefbot } from '../answer/answer-schema.js';
import type { Logger } from '../logging.js';
import { listenForChanges } from '../store/postgres/listen-for-changes.js';
import { createPgPools, type PgPools } from '../store/postgres/pg-pools.js';
import { openPostgresBriefbot } from '../store/postgres/postgres-briefbot.js';
import { createPgSharedState } from '../store/postgres/pg-shared-state.js';
import type { SharedState } from '../store/shared-state.js';
import { loadStoreConfig, loadTenant } from '../store/store-config.js';
import { createLiveBriefbot, type LiveBriefbot, type LiveBriefbotOptions } from './create-live-briefbot.js';

/**
 * The live Briefbot of the configured store (`BRIEFBOT_STORE`): the in-process one follows the
 * corpus folder; the PostgreSQL one reads the tenant's tables (searches on `DATABASE_REPLICA_URL`
 * when set) and reloads when another process announces a change with NOTIFY.
 */
export function createStoreBriefbot(options: { corpusDir: string; logger: Logger; env: Record<string, string | undefined>; pools?: PgPools; onEngine?: LiveBriefbotOptions['onEngine']; onBuild?: LiveBriefbotOptions['onBuild']; indexInWorker?: boolean }): LiveBriefbot {
  const { corpusDir, logger } = options;
  const store = loadStoreConfig(options.env);
  const hook = { ...(options.onEngine ? { onEngine: options.onEngine } : {}), ...(options.onBuild ? { onBuild: options.onBuild } : {}) };
  if (store.kind === 'memory') return createLiveBriefbot({ corpusDir, logger, ...hook, indexInWorker: options.indexInWorker ?? false });
  const tenant = loadTenant(options.env);
  // Pools given by the caller (shared with other state) stay open when this Briefbot closes.
  const owned = options.pools === undefined;
  const pools = options.pools ?? createPgPools({ databaseUrl: store.databaseUrl, ...(store.replicaUrl ? { replicaUrl: store.replicaUrl } : {}) }, logger);
  logger.info({ event: 'store_postgres', tenant, replica: store.replicaUrl !== undefined }, `store: PostgreSQL, tenant ${tenant}${store.replicaUrl ? ', searches on the replica' : ''}`);
  return createLiveBriefbot({
    corpusDir,
    logger,
    // The live Briefbot's own logger: it logs each row problem once per change, not on every reload.
    open: (opened) =>
      openPostgresBriefbot({ pools, tenant, corpusDir, logger: opened.logger ?? logger, reads: store.reads, ...(opened.onLateProblem ? { onLateProblem: opened.onLateProblem } : {}) }),
    watchFolder: false,
    subscribe: (onChange) => listenForChanges(pools.primary, tenant, onChange, logger),
    onClose: async () => {
      if (owned) await pools.close();
    },
    ...hook,
  });
}

/** One engine of the configured store, for a single command (`ask`), and how to let go of it. */
export async function openStoreBriefbotOnce(options: { corpusDir: string; env: Record<string, string | undefined> }): Promise<{ engine: Briefbot; close(): Promise<void> }> {
  const store = loadStoreConfig(options.env);
  if (store.kind === 'memory') return { engine: await openBriefbot({ corpusDir: options.corpusDir }), close: async () => undefined };
  const pools = createPgPools({ databaseUrl: store.databaseUrl, ...(store.replicaUrl ? { replicaUrl: store.replicaUrl } : {}), max: 2 });
  try {
    const engine = await openPostgresBriefbot({ pools, tenant: loadTenant(options.env), corpusDir: options.corpusDir, reads: store.reads });
    return { engine, close: () => pools.close() };
  } catch (error) {
    await pools.close();
    throw error;
  }
}

/** The pools and shared state of the configured store: none for the in-process store. */
export function openSharedStore(env: Record<string, string | undefined>, logger: Logger): { pools: PgPools; shared: SharedState } | null {
  const store = loadStoreConfig(env);
  if (store.kind === 'memory') return null;
  const pools = createPgPools({ databaseUrl: store.databaseUrl, ...(store.replicaUrl ? { replicaUrl: store.replicaUrl } : {}) }, logger);
  return { pools, shared: createPgSharedState(pools.primary, loadTenant(env), logger) };
}
