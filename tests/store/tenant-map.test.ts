import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/store-error.js';
import { loadTenantMap, tenantOf } from '../../src/store/tenant-map.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('loadTenantMap', () => {
  it('maps Slack team ids and Teams tenant ids to tenants, the rest to the process’s own', () => {
    const map = loadTenantMap({ BRIEFBOT_TENANTS: ' T0123ABCD=press-office, 72f988bf-86f1-41af-91ab-2d7cd011db47 = agency ,' }, 'default', 'postgres');
    expect(tenantOf(map, 'T0123ABCD')).toBe('press-office');
    expect(tenantOf(map, '72f988bf-86f1-41af-91ab-2d7cd011db47')).toBe('agency');
    expect(tenantOf(map, 'T0OTHER')).toBe('default');
    expect(tenantOf(map, undefined)).toBe('default');
  });

  it('is empty when BRIEFBOT_TENANTS is unset or blank, whatever the store', () => {
    expect(loadTenantMap({}, 'default', 'memory').byWorkspace.size).toBe(0);
    expect(loadTenantMap({ BRIEFBOT_TENANTS: '  ' }, 'default', 'memory').byWorkspace.size).toBe(0);
  });

  it('needs the PostgreSQL store, saying so', () => {
    expect(messageOf(() => loadTenantMap({ BRIEFBOT_TENANTS: 'T01=a' }, 'default', 'memory'))).toBe(
      'STORE_CONFIG_INVALID: Store configuration is invalid: BRIEFBOT_TENANTS needs BRIEFBOT_STORE=postgres (one database holding each tenant’s corpus)',
    );
  });

  it('says what to write for an entry that is not WORKSPACE=TENANT, and refuses one workspace given two tenants', () => {
    expect(messageOf(() => loadTenantMap({ BRIEFBOT_TENANTS: 'T01=a,T02' }, 'default', 'postgres'))).toMatch(/BRIEFBOT_TENANTS: "T02" is not WORKSPACE=TENANT/);
    expect(messageOf(() => loadTenantMap({ BRIEFBOT_TENANTS: 'T01=a b' }, 'default', 'postgres'))).toMatch(/"T01=a b" is not WORKSPACE=TENANT/);
    expect(messageOf(() => loadTenantMap({ BRIEFBOT_TENANTS: 'T01=a,T01=b' }, 'default', 'postgres'))).toMatch(/maps T01 to both a and b/);
  });
});
