import { z } from 'zod';
import { StoreError } from './store-error.js';

const TENANT = /^[A-Za-z0-9_.-]{1,64}$/;
/** A Slack team or enterprise id (T…, E…) or a Teams (Entra) tenant id (a GUID). */
const WORKSPACE = /^[A-Za-z0-9-]{1,64}$/;

const EntrySchema = z.string().transform((entry, ctx) => {
  const [workspace = '', tenant = '', ...rest] = entry.split('=').map((part) => part.trim());
  if (rest.length > 0 || !WORKSPACE.test(workspace) || !TENANT.test(tenant)) {
    ctx.addIssue({ code: 'custom', message: `BRIEFBOT_TENANTS: "${entry.slice(0, 80)}" is not WORKSPACE=TENANT (a Slack team id or Teams tenant id, then a tenant of 1 to 64 letters, digits, dots, dashes or underscores)` });
    return z.NEVER;
  }
  return [workspace, tenant] as const;
});

/** Which tenant (corpus of the database) answers each chat workspace; the rest get the process's own tenant. */
export interface TenantMap {
  /** The tenant of `BRIEFBOT_TENANT`, for workspaces not listed. */
  fallback: string;
  byWorkspace: ReadonlyMap<string, string>;
}

/**
 * Reads `BRIEFBOT_TENANTS` (`T0123ABCD=press-office,72f988bf-…=agency`): Slack team ids and Teams
 * tenant ids mapped to the tenant whose corpus answers them. It needs the PostgreSQL store, where
 * several tenants share one database. A bad entry throws at start, saying what to write.
 */
export function loadTenantMap(env: Record<string, string | undefined>, fallback: string, store: 'memory' | 'postgres'): TenantMap {
  const raw = env.BRIEFBOT_TENANTS?.trim() ?? '';
  if (raw === '') return { fallback, byWorkspace: new Map() };
  if (store !== 'postgres') throw new StoreError('STORE_CONFIG_INVALID', 'Store configuration is invalid: BRIEFBOT_TENANTS needs BRIEFBOT_STORE=postgres (one database holding each tenant’s corpus)');
  const parsed = z.array(EntrySchema).safeParse(raw.split(',').map((e) => e.trim()).filter((e) => e !== ''));
  if (!parsed.success) throw new StoreError('STORE_CONFIG_INVALID', `Store configuration is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const byWorkspace = new Map<string, string>();
  for (const [workspace, tenant] of parsed.data) {
    const earlier = byWorkspace.get(workspace);
    if (earlier !== undefined && earlier !== tenant) throw new StoreError('STORE_CONFIG_INVALID', `Store configuration is invalid: BRIEFBOT_TENANTS maps ${workspace} to both ${earlier} and ${tenant}`);
    byWorkspace.set(workspace, tenant);
  }
  return { fallback, byWorkspace };
}

/** The tenant answering `workspace` (undefined: not known, the fallback's). */
export function tenantOf(map: TenantMap, workspace: string | undefined): string {
  return (workspace === undefined ? undefined : map.byWorkspace.get(workspace)) ?? map.fallback;
}
