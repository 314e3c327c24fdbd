import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInstallationStore } from '../../adapters/slack/create-installation-store.js';
import { createSlackOAuthWatchPoster } from '../../adapters/slack/post-watch-message.js';
import { createSilentLogger, deliverPending, openBriefbot, type BriefbotEngine, type InstallationRecords, type WatchStore } from '../../src/index.js';
import { openSqliteWatchStore } from '../../src/watch/sqlite-watch-store.js';

const API_ORIGIN = 'https://slack.oauth-watch.test';
const DEMOLITION = '2012-11-22-gp-ccgs-demolition-experts#186';
const interpretation = { question: 'who said "demolition experts"', speaker: null, speakerQuery: null, topic: 'demolition experts', phrase: 'demolition experts', dateFrom: null, dateTo: null, dateText: null, outlet: null, sort: 'relevance' as const };

/** Installation records in a Map: the PostgreSQL and SQLite ones have their own tests. */
function createMapRecords(): InstallationRecords {
  const records = new Map<string, unknown>();
  return { put: async (key, record) => void records.set(key, record), get: async (key) => records.get(key) ?? null, delete: async (key) => void records.delete(key) };
}

describe('watch posts with OAuth: each with the token of its channel’s workspace', () => {
  let engine: BriefbotEngine;
  let store: WatchStore;
  const installations = createInstallationStore(createMapRecords(), createSilentLogger());
  beforeAll(async () => {
    nock.disableNetConnect();
    engine = await openBriefbot({ corpusDir: path.join(import.meta.dirname, '../../corpus'), cache: 'off' });
    await installations.storeInstallation({
      team: { id: 'T0NEWS', name: 'News' },
      enterprise: undefined,
      isEnterpriseInstall: false,
      bot: { token: 'xoxb-news-3333-secret', userId: 'U0NEWSBOT', id: 'B0NEWSBOT', scopes: ['chat:write'] },
      user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
      tokenType: 'bot',
      appId: 'A0BRIEFBOT',
      authVersion: 'v2',
    });
  });
  afterAll(() => nock.enableNetConnect());
  beforeEach(async () => {
    store = openSqliteWatchStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
    nock.cleanAll();
  });

  async function watchIn(channel: string): Promise<number> {
    const watch = await store.addWatch({ target: { platform: 'slack', channel, label: `#${channel}` }, question: '"demolition experts"', interpretation, daily: null, createdBy: 'U1', createdAt: '2026-12-04T09:00:00.000Z' }, 10);
    if (watch === 'limit') throw new Error('limit');
    await store.addDeliveries([{ watchId: watch.id, remark: DEMOLITION, statementIds: [DEMOLITION] }], '2026-12-04T10:00:00.000Z');
    return watch.id;
  }
  const run = () =>
    deliverPending({ store, posters: [createSlackOAuthWatchPoster({ installations, apiUrl: `${API_ORIGIN}/api/` })], result: (id) => engine.result(id), logger: createSilentLogger(), now: () => new Date('2026-12-04T10:00:00Z'), sleep: async () => undefined, attempts: 1 });

  it('posts to a channel whose workspace was recorded, with that workspace’s bot token', async () => {
    await watchIn('C0NEWS');
    await store.saveReference('slack', 'C0NEWS', { teamId: 'T0NEWS', isEnterpriseInstall: false });
    let body: Record<string, unknown> = {};
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage', (b: Record<string, unknown>) => ((body = b), true))
      .matchHeader('authorization', 'Bearer xoxb-news-3333-secret')
      .reply(200, { ok: true });
    expect(await run()).toEqual({ posted: 1, failed: [] });
    expect(scope.isDone()).toBe(true);
    expect(body.channel).toBe('C0NEWS');
    expect(JSON.stringify(body.blocks)).toContain('Clinical commissioners must become demolition experts.');
  });

  it('does not post where the workspace is unknown or no longer installed, and says why', async () => {
    const unknown = await watchIn('C0NOWHERE');
    const gone = await watchIn('C0GONE');
    await store.saveReference('slack', 'C0GONE', { teamId: 'T0UNINSTALLED', isEnterpriseInstall: false });
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: true });
    const round = await run();
    expect(scope.isDone()).toBe(false);
    expect(round.failed).toEqual(expect.arrayContaining([
      { watchId: unknown, remark: DEMOLITION, code: 'no_reference' },
      { watchId: gone, remark: DEMOLITION, code: 'rejected' },
    ]));
  });
});
