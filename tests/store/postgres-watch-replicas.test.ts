import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../adapters/serve.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPgPools } from '../../src/store/postgres/pg-pools.js';
import { indexToPostgres } from '../../src/store/postgres/postgres-briefbot.js';
import { API_ORIGIN, BUNDLED_CORPUS, postToSlackEvents, readApiCall, slackEnv, slashCommandBody, startTestServer, waitFor } from '../adapters/slack/slack-harness.js';
import { createTestDatabase, skipWithoutPostgres } from './postgres-harness.js';

const GP = '2012-11-22-gp-ccgs-demolition-experts.md';
const LATER = ['2012-11-22-pharmatimes-demolition-experts.md', '2012-11-23-pharmafield-commissioners-demolition.md'];

/**
 * BRIEFBOT_STORE=postgres: watches live in the tenant's tables, so a watch set on one replica is
 * run by both, and the advisory lock lets one post: a new article is posted to the channel once.
 */
describe.skipIf(skipWithoutPostgres('watches on two replicas sharing PostgreSQL'))('watches on two replicas sharing PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let corpusDir: string;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    db = await createTestDatabase();
    corpusDir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-pg-watch-'));
    cpSync(BUNDLED_CORPUS, corpusDir, { recursive: true, filter: (src) => !src.includes('.briefbot') && ![GP, ...LATER].includes(path.basename(src)) });
    const pools = createPgPools({ databaseUrl: db.url });
    await migrate(pools.primary);
    await indexToPostgres({ pools, tenant: 'press-office', corpusDir });
    await pools.close();
    const env = slackEnv({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: db.url, BRIEFBOT_TENANT: 'press-office' });
    for (let i = 0; i < 2; i++) servers.push(await startTestServer({ env, corpusDir, slack: { retryConfig: { retries: 0 } } }));
    await Promise.all(servers.map((s) => s.ready));
  }, 90_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    nock.cleanAll();
    nock.enableNetConnect();
    await db?.drop();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  it('a watch set on one replica is listed by the other, and a new article posts once', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    nock(API_ORIGIN).post('/api/conversations.info').reply(200, { ok: true, channel: { id: 'C111', is_member: true } });
    const ack = await postToSlackEvents(a, slashCommandBody('watch "demolition experts"'));
    expect(((await ack.json()) as { text: string }).text).toBe('Watching for new quotes with the words "demolition experts" in #random; no quotes in the corpus match yet.');
    const listed = ((await (await postToSlackEvents(b, slashCommandBody('watches'))).json()) as { text: string }).text;
    expect(listed).toMatch(/^Watched in #random:\n1\. quotes with the words "demolition experts" \(set by @primary-owner, /);

    const posted: Array<Record<string, unknown>> = [];
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .times(2)
      .reply(200, (_uri, body) => {
        posted.push(readApiCall(body));
        return { ok: true, ts: '1.1' };
      });
    copyFileSync(path.join(BUNDLED_CORPUS, GP), path.join(corpusDir, GP));
    const pools = createPgPools({ databaseUrl: db.url });
    // Writing the article announces it (NOTIFY): each replica reloads and runs the watches.
    await indexToPostgres({ pools, tenant: 'press-office', corpusDir });
    await pools.close();
    await waitFor(() => posted.length === 1, 20_000, 'the watch post');
    // The other replica's run comes after the lock is let go; give it the time a run takes before checking no second post came.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ channel: 'C111' });
    expect(JSON.stringify(posted[0])).toContain('Clinical commissioners must become demolition experts.');
    expect(scope.pendingMocks()).toHaveLength(1);
  }, 60_000);
});
