import { Writable } from 'node:stream';
import nock from 'nock';
import pino from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../adapters/serve.js';
import { APOLOGY } from '../../../adapters/slack/handle-error.js';
import { openBriefbot } from '../../../src/index.js';
import {
  API_ORIGIN,
  BOT_TOKEN,
  BOT_USER_ID,
  SIGNING_SECRET,
  mentionBody,
  postToSlackEvents,
  readApiCall,
  slackEnv,
  slashCommandBody,
  slashResponseUrl,
  startTestServer,
  waitFor,
} from './slack-harness.js';

const DIXON = 'what did Dixon say about senates?';
const running: RunningServer[] = [];

async function start(options: Parameters<typeof startTestServer>[0]): Promise<RunningServer> {
  const server = await startTestServer(options);
  running.push(server);
  return server;
}

async function getHealth(server: RunningServer, path = '/healthz'): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
  return { status: res.status, body: await res.json() };
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  nock.cleanAll();
});

describe('briefbot serve', () => {
  it('reports 503 on /readyz while the corpus is indexed (alive: 200 on /healthz), 200 after; a question asked meanwhile is answered late', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = await start({
      openEngine: async (corpusDir) => {
        await gate;
        return openBriefbot({ corpusDir });
      },
      slack: { ackDeadlineMs: 300, retryConfig: { retries: 0 } },
    });
    expect(await getHealth(server, '/readyz')).toMatchObject({ status: 503, body: { status: 'starting', platforms: { slack: true } } });
    expect(await getHealth(server)).toMatchObject({ status: 200, body: { status: 'starting' } });

    const hook: Array<Record<string, unknown>> = [];
    const scope = nock(slashResponseUrl().origin)
      .post(slashResponseUrl().pathname)
      .reply(200, (_uri, body) => {
        hook.push(body as Record<string, unknown>);
        return 'ok';
      });
    const ack = await postToSlackEvents(server, slashCommandBody(DIXON));
    // Slack got its acknowledgement in time, saying the answer is coming.
    expect(await ack.json()).toEqual({ response_type: 'ephemeral', text: 'Searching the articles…' });

    release();
    await server.ready;
    expect(await getHealth(server, '/readyz')).toMatchObject({ status: 200, body: { status: 'ready', platforms: { slack: true } } });
    expect(await getHealth(server)).toMatchObject({ status: 200, body: { status: 'ready' } });
    await waitFor(() => scope.isDone(), 5000, 'the late answer');
    expect(hook[0]).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(JSON.stringify(hook[0])).toContain('Senates should be only advisory');
  });

  it('keeps /healthz and /readyz at 503 when the corpus cannot be opened, and apologises to a user without the error', async () => {
    const server = await start({
      openEngine: async () => {
        throw new Error('ENOENT: /secret/path/corpus');
      },
    });
    await expect(server.ready).rejects.toThrow('ENOENT');
    expect(await getHealth(server)).toMatchObject({ status: 503, body: { status: 'failed' } });
    expect(await getHealth(server, '/readyz')).toMatchObject({ status: 503, body: { status: 'failed' } });
    const hook: Array<Record<string, unknown>> = [];
    const scope = nock(slashResponseUrl().origin)
      .post(slashResponseUrl().pathname)
      .reply(200, (_uri, body) => {
        hook.push(body as Record<string, unknown>);
        return 'ok';
      });
    const ack = await postToSlackEvents(server, slashCommandBody(DIXON));
    expect(ack.status).toBe(200);
    expect(await ack.text()).toBe('');
    await waitFor(() => scope.isDone(), 5000, 'the apology');
    expect(hook[0]).toEqual({ response_type: 'ephemeral', replace_original: false, text: APOLOGY });
  });

  it('starts without Slack credentials, with Slack off and its path not served', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const server = await start({ env: {}, logger });
    await server.ready;
    expect(await getHealth(server)).toMatchObject({ status: 200, body: { status: 'ready', platforms: { slack: false } } });
    const res = await postToSlackEvents(server, slashCommandBody(DIXON));
    expect(res.status).toBe(404);
    const off = lines.map((l) => JSON.parse(l)).find((l) => l.event === 'platform_off');
    expect(off).toMatchObject({ platform: 'slack', msg: 'slack: off: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN, or SLACK_CLIENT_ID for installs in many workspaces) are not set' });
  });

  it('asks auth.test for the bot’s ids when they are not configured', async () => {
    const auth = nock(API_ORIGIN)
      .post('/api/auth.test')
      .matchHeader('authorization', `Bearer ${BOT_TOKEN}`)
      .reply(200, { ok: true, user_id: BOT_USER_ID, bot_id: 'B0BRIEFBOT', team_id: 'T111' });
    const posted: Array<Record<string, unknown>> = [];
    const post = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .reply(200, (_uri, body) => {
        posted.push(readApiCall(body));
        return { ok: true, ts: '1.1' };
      });
    const server = await start({ env: slackEnv({ SLACK_BOT_ID: '', SLACK_BOT_USER_ID: '' }) });
    expect(auth.isDone()).toBe(true);
    await server.ready;
    await postToSlackEvents(server, mentionBody(DIXON, 'EvAuthTest'));
    await waitFor(() => post.isDone(), 5000, 'chat.postMessage');
    expect(JSON.stringify(posted[0]?.blocks)).toContain('Senates should be only advisory');
  });

  it('turns Slack off, saying why, when Slack rejects the bot token', async () => {
    const auth = nock(API_ORIGIN).post('/api/auth.test').reply(200, { ok: false, error: 'invalid_auth' });
    const server = await start({ env: slackEnv({ SLACK_BOT_ID: '', SLACK_BOT_USER_ID: '' }) });
    expect(auth.isDone()).toBe(true);
    expect(server.platforms.find((p) => p.name === 'slack')).toEqual({
      name: 'slack',
      disabledReason: 'Slack rejected SLACK_BOT_TOKEN (invalid_auth): copy the Bot User OAuth Token from your app’s OAuth & Permissions page',
    });
  });

  it('never logs the tokens or the signing secret, and logs the question only at debug level', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'trace' }, new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
    const post = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: true, ts: '1.1' });
    const server = await start({ logger });
    await server.ready;
    await postToSlackEvents(server, mentionBody(DIXON, 'EvLogs'));
    await postToSlackEvents(server, slashCommandBody(DIXON), { secret: 'forged-secret' });
    await waitFor(() => post.isDone(), 5000, 'chat.postMessage');
    await waitFor(() => lines.some((l) => l.event === 'slack_answer'), 2000, 'the answer log');
    const all = JSON.stringify(lines);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
    const withQuestion = lines.filter((l) => JSON.stringify(l).includes('senates'));
    expect(withQuestion.length).toBeGreaterThan(0);
    // pino levels: 20 debug, 10 trace.
    expect(withQuestion.every((l) => (l.level as number) <= 20)).toBe(true);
    expect(lines.find((l) => l.event === 'slack_answer')).toMatchObject({ platform: 'slack', surface: 'app_mention', kind: 'results', level: 30 });
  });
});
