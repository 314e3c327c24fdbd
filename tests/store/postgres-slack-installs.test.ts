import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../adapters/serve.js';
import { installationsPath } from '../../src/index.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPgPools } from '../../src/store/postgres/pg-pools.js';
import { indexToPostgres } from '../../src/store/postgres/postgres-briefbot.js';
import { API_ORIGIN, BUNDLED_CORPUS, postToSlackEvents, readApiCall, startTestServer, waitFor } from '../adapters/slack/slack-harness.js';
import { authTestReply, followRedirect, oauthAccessReply, oauthEnv, openInstallPage, teamMentionBody, type TestTeam } from '../adapters/slack/slack-oauth-harness.js';
import { createTestDatabase, skipWithoutPostgres } from './postgres-harness.js';

const TEAM: TestTeam = { teamId: 'T0AGENCY', teamName: 'Agency', botToken: 'xoxb-agency-2222-secret', botUserId: 'U0AGENCYBOT', botId: 'B0AGENCYBOT' };

describe.skipIf(skipWithoutPostgres('Slack installs shared by replicas on PostgreSQL'))('a workspace installed through one replica', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let corpusDir: string;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    db = await createTestDatabase();
    corpusDir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-pg-installs-'));
    cpSync(BUNDLED_CORPUS, corpusDir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
    const pools = createPgPools({ databaseUrl: db.url });
    await migrate(pools.primary);
    await indexToPostgres({ pools, tenant: 'agency', corpusDir });
    await pools.close();
    const env = oauthEnv({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: db.url, BRIEFBOT_TENANT: 'agency' });
    for (let i = 0; i < 2; i++) servers.push(await startTestServer({ env, corpusDir }));
    await Promise.all(servers.map((s) => s.ready));
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    nock.cleanAll();
    nock.enableNetConnect();
    await db?.drop();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  it('is served by the other replica, with the bot token stored in PostgreSQL', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    // Installed through replica A: install page, Slack's grant exchanged and checked.
    const page = await openInstallPage(a);
    const install = nock(API_ORIGIN).post('/api/oauth.v2.access').reply(200, oauthAccessReply(TEAM)).post('/api/auth.test').matchHeader('authorization', `Bearer ${TEAM.botToken}`).reply(200, authTestReply(TEAM));
    const done = await followRedirect(a, { code: 'grant-agency', state: page.authorizeUrl!.searchParams.get('state')! }, page.cookie);
    expect(done.status).toBe(200);
    expect(install.isDone()).toBe(true);

    // The installation is a row of the tenant in PostgreSQL, not a file beside the corpus.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const rows = (await client.query<{ tenant: string; install_key: string }>('SELECT tenant, install_key FROM slack_installations')).rows;
    await client.end();
    expect(rows).toEqual([{ tenant: 'agency', install_key: `slack:team:${TEAM.teamId}` }]);
    expect(existsSync(installationsPath(corpusDir))).toBe(false);

    // A signed mention from that workspace reaches replica B, which never saw the install: it answers with the stored token.
    const posted: Array<Record<string, unknown>> = [];
    const answer = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .matchHeader('authorization', `Bearer ${TEAM.botToken}`)
      .reply(200, (_uri, body) => {
        posted.push(readApiCall(body));
        return { ok: true, ts: '1.1' };
      });
    expect((await postToSlackEvents(b, teamMentionBody(TEAM, 'what did Dixon say about senates?', 'EvAgencyOnB'))).status).toBe(200);
    await waitFor(() => posted.length === 1, 10_000, 'the answer from replica B');
    expect(answer.isDone()).toBe(true);
    expect(JSON.stringify(posted[0])).toContain('Senates should be only advisory');
  }, 30_000);
});
