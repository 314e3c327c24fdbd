import type { Briefbot } from '../answer/answer-schema.js';
import { createMemoryConversationStore } from '../conversation/conversation-store.js';
import { withFollowUps } from '../conversation/with-follow-ups.js';
import type { Logger } from '../logging.js';
import type { PgPools } from '../store/postgres/pg-pools.js';
import { loadStoreConfig, loadTenant } from '../store/store-config.js';
import { loadTenantMap, tenantOf } from '../store/tenant-map.js';
import type { LiveBriefbot } from './create-live-briefbot.js';
import { createStoreBriefbot } from './create-store-briefbot.js';

/** The Briefbots of one process serving several tenants, chosen by chat workspace. */
export interface TenantBriefbots {
  /** The Briefbot answering a Slack team or Teams tenant: its mapped tenant's, else the process's own. */
  briefbotFor(workspace: string | undefined): Briefbot;
  /** The tenants opened besides the process's own. */
  tenants: string[];
  /** Resolves once every tenant's corpus is read (rejects when one cannot be). */
  whenReady(): Promise<void>;
  close(): Promise<void>;
}

/** Asks wait for the tenant's corpus being read, so the server is up before every tenant is. */
function deferTo(live: LiveBriefbot): Briefbot {
  return {
    ask: async (question, options) => (await live.whenReady()).ask(question, options),
    quote: async (id) => {
      const ready = await live.whenReady();
      return ready.quote ? ready.quote(id) : null;
    },
    result: async (id) => {
      const ready = await live.whenReady();
      return ready.result ? ready.result(id) : null;
    },
    report: async (input) => {
      const ready = await live.whenReady();
      return ready.report ? ready.report(input) : false;
    },
  };
}

/**
 * With `BRIEFBOT_TENANTS` (PostgreSQL only), one Briefbot per tenant named there, each reading its
 * own rows of the shared database and reloading on its own NOTIFY; workspaces not listed get
 * `fallback`, the process's tenant (`BRIEFBOT_TENANT`). Null when no map is configured.
 */
export function createTenantBriefbots(options: { env: Record<string, string | undefined>; logger: Logger; corpusDir: string; pools: PgPools | null; fallback: Briefbot }): TenantBriefbots | null {
  const store = loadStoreConfig(options.env);
  const map = loadTenantMap(options.env, loadTenant(options.env), store.kind);
  if (map.byWorkspace.size === 0 || options.pools === null) return null;
  const lives = new Map<string, LiveBriefbot>();
  const bots = new Map<string, Briefbot>();
  for (const tenant of new Set(map.byWorkspace.values())) {
    if (tenant === map.fallback) continue;
    const live = createStoreBriefbot({ corpusDir: options.corpusDir, logger: options.logger.child({ tenant }), env: { ...options.env, BRIEFBOT_TENANT: tenant }, pools: options.pools });
    lives.set(tenant, live);
    // Follow-ups are kept per tenant, like the answers they build on.
    bots.set(tenant, withFollowUps(deferTo(live), createMemoryConversationStore()));
  }
  options.logger.info({ event: 'tenants_mapped', workspaces: map.byWorkspace.size, tenants: [...lives.keys()] }, `tenants: ${map.byWorkspace.size} workspace(s) mapped; also serving ${[...lives.keys()].join(', ') || 'no other tenant'}`);
  return {
    briefbotFor: (workspace) => bots.get(tenantOf(map, workspace)) ?? options.fallback,
    tenants: [...lives.keys()],
    whenReady: async () => void (await Promise.all([...lives.values()].map((live) => live.whenReady()))),
    close: async () => void (await Promise.allSettled([...lives.values()].map((live) => live.close()))),
  };
}
