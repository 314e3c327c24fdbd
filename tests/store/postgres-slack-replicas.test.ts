import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../adapters/serve.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPgPools } from '../../src/store/postgres/pg-pools.js';
import { indexToPostgres } from '../../src/store/postgres/postgres-briefbot.js';
import { API_ORIGIN, BUNDLED_CORPUS, mentionBody, postToSlackEvents, readApiCall, slackEnv, slashCommandBody, startTestServer, waitFor } from '../adapters/slack/slack-harness.js';
import { createTestDatabase, skipWithoutPostgres } from './postgres-harness.js';

describe.skipIf(skipWithoutPostgres('Slack on two replicas sharing PostgreSQL'))('two briefbot serve replicas on one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let corpusDir: string;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    corpusDir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-pg-slack-'));
    cpSync(BUNDLED_CORPUS, corpusDir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
    const pools = createPgPools({ databaseUrl: db.url });
    await migrate(pools.primary);
    await indexToPostgres({ pools, tenant: 'press-office', corpusDir });
    await pools.close();
    const env = slackEnv({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: db.url, BRIEFBOT_TENANT: 'press-office' });
    for (let i = 0; i < 2; i++) servers.push(await startTestServer({ env, corpusDir }));
    await Promise.all(servers.map((s) => s.ready));
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    nock.cleanAll();
    await db?.drop();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  it('answers an event once when Slack redelivers it to the other replica', async () => {
    const posted: Array<Record<string, unknown>> = [];
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .times(2)
      .reply(200, (_uri, body) => {
        posted.push(readApiCall(body));
        return { ok: true, ts: '1.1' };
      });
    const body = mentionBody('<@U0BRIEFBOT> what did Dixon say about senates?', 'EvToBothReplicas');
    const [a, b] = servers as [RunningServer, RunningServer];
    expect((await postToSlackEvents(a, body)).status).toBe(200);
    await waitFor(() => posted.length === 1, 10_000, 'the first answer');
    expect((await postToSlackEvents(b, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    // The other replica drops it; give it the time an answer takes before checking none came.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0])).toContain('Senates should be only advisory');
    expect(scope.pendingMocks()).toHaveLength(1);
    // A new event is answered by whichever replica gets it.
    await postToSlackEvents(b, mentionBody('<@U0BRIEFBOT> what did Dixon say about senates?', 'EvSecond'));
    await waitFor(() => posted.length === 2, 10_000, 'the second answer');
  }, 30_000);

  it('holds a user to one rate limit across both replicas (buckets in PostgreSQL)', async () => {
    const env = slackEnv({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: db.url, BRIEFBOT_TENANT: 'press-office', BRIEFBOT_RATE_BURST: '2', BRIEFBOT_RATE_PER_MINUTE: '1' });
    // The limit as configured (the harness turns it off unless told otherwise).
    const limited = [await startTestServer({ env, corpusDir, limiter: undefined }), await startTestServer({ env, corpusDir, limiter: undefined })] as [RunningServer, RunningServer];
    try {
      await Promise.all(limited.map((s) => s.ready));
      const texts: string[] = [];
      for (const server of [limited[0], limited[1], limited[0], limited[1]]) texts.push(JSON.stringify(await (await postToSlackEvents(server, slashCommandBody('what did Dixon say about senates?'))).json()));
      expect(texts[0]).toContain('Senates should be only advisory');
      expect(texts[1]).toContain('Senates should be only advisory');
      // The burst of 2 is spent, whichever replica is asked next.
      for (const text of texts.slice(2)) expect(text).toContain("You're asking faster than I can keep up with");
    } finally {
      for (const server of limited) await server.close();
    }
  }, 60_000);
});
