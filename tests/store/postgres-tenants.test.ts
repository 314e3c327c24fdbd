import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../adapters/serve.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPgPools } from '../../src/store/postgres/pg-pools.js';
import { indexToPostgres } from '../../src/store/postgres/postgres-briefbot.js';
import { API_ORIGIN, BOT_USER_ID, BUNDLED_CORPUS, mentionBody, postToSlackEvents, readApiCall, slackEnv, startTestServer, waitFor } from '../adapters/slack/slack-harness.js';
import { teamMentionBody } from '../adapters/slack/slack-oauth-harness.js';
import { createTestDatabase, skipWithoutPostgres } from './postgres-harness.js';
import { WIRE_ARTICLE } from '../fixtures/wire-article.js';


describe.skipIf(skipWithoutPostgres('tenants chosen per Slack team'))('one serve answering each Slack team from its tenant’s corpus (BRIEFBOT_TENANTS)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pressDir: string;
  let wireDir: string;
  let server: RunningServer;
  const posted: Array<{ channel: unknown; text: string }> = [];
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    db = await createTestDatabase();
    pressDir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-tenant-press-'));
    cpSync(BUNDLED_CORPUS, pressDir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
    wireDir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-tenant-wire-'));
    writeFileSync(path.join(wireDir, '2024-03-12-port-strike.md'), WIRE_ARTICLE);
    const pools = createPgPools({ databaseUrl: db.url });
    await migrate(pools.primary);
    await indexToPostgres({ pools, tenant: 'press-office', corpusDir: pressDir });
    await indexToPostgres({ pools, tenant: 'wire', corpusDir: wireDir });
    await pools.close();
    nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .times(5)
      .reply(200, (_uri, body) => {
        const call = readApiCall(body);
        posted.push({ channel: call.channel, text: JSON.stringify(call) });
        return { ok: true, ts: '1.1' };
      });
    const env = slackEnv({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: db.url, BRIEFBOT_TENANT: 'press-office', BRIEFBOT_TENANTS: 'T0WIRE=wire' });
    server = await startTestServer({ env, corpusDir: pressDir });
    await server.ready;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    nock.cleanAll();
    nock.enableNetConnect();
    await db?.drop();
    rmSync(pressDir, { recursive: true, force: true });
    rmSync(wireDir, { recursive: true, force: true });
  });

  it('answers the mapped team from its tenant and every other team from the process’s own', async () => {
    const wire = { teamId: 'T0WIRE', botUserId: BOT_USER_ID };
    // T111 (the fixture's team) is not mapped: the press office's corpus, where Dixon spoke and Okafor did not.
    await postToSlackEvents(server, mentionBody('what did Dixon say about senates?', 'EvPress1'));
    await waitFor(() => posted.length === 1, 10_000, 'the press office answer');
    await postToSlackEvents(server, teamMentionBody(wire, 'what did Jane Okafor say about the ports?', 'EvWire1'));
    await waitFor(() => posted.length === 2, 10_000, 'the wire answer');
    await postToSlackEvents(server, teamMentionBody(wire, 'what did Dixon say about senates?', 'EvWire2'));
    await waitFor(() => posted.length === 3, 10_000, 'the wire answer about Dixon');
    await postToSlackEvents(server, mentionBody('what did Jane Okafor say about the ports?', 'EvPress2'));
    await waitFor(() => posted.length === 4, 10_000, 'the press office answer about Okafor');
    const [pressDixon, wireOkafor, wireDixon, pressOkafor] = posted.map((p) => p.text) as [string, string, string, string];
    expect(pressDixon).toContain('Senates should be only advisory');
    expect(wireOkafor).toContain('The ports will reopen only when the safety rules are signed');
    expect(wireOkafor).toContain('Harbour Wire');
    // Neither corpus leaks into the other's answers.
    expect(wireDixon).not.toContain('Senates should be only advisory');
    expect(pressOkafor).not.toContain('The ports will reopen');
  }, 40_000);

  it('tells the mapped team that watches follow the main corpus, instead of answering "watch …" as a question', async () => {
    const wire = { teamId: 'T0WIRE', botUserId: BOT_USER_ID };
    const before = posted.length;
    await postToSlackEvents(server, teamMentionBody(wire, 'watch Jane Okafor on ports', 'EvWire3'));
    await waitFor(() => posted.length === before + 1, 10_000, 'the reply to the watch');
    expect(posted.at(-1)!.text).toContain("Watches aren't available in this workspace yet");
  }, 20_000);
});
