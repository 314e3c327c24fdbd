import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../adapters/serve.js';
import { createMemoryRateLimiter, slowDownMessage } from '../../../src/index.js';
import { createCaptureLogger } from '../teams/capture-logger.js';
import { API_ORIGIN, mentionBody, postToSlackEvents, readApiCall, slackEnv, slashCommandBody, startTestServer, waitFor } from './slack-harness.js';

const QUESTION = 'what did Dixon say about senates?';

describe('Slack rate limit (per user, injected clock)', () => {
  let server: RunningServer;
  let t = 0;
  const { logger, lines } = createCaptureLogger();
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    server = await startTestServer({ logger, limiter: createMemoryRateLimiter({ burst: 2, perMinute: 6 }, () => t), slack: { ackDeadlineMs: 2000, retryConfig: { retries: 0 } } });
    await server.ready;
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
  });

  it('answers a user’s slash commands up to the burst, then says to slow down; another user is answered', async () => {
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push(((await (await postToSlackEvents(server, slashCommandBody(QUESTION))).json()) as { text: string }).text);
    expect(texts[0]).not.toBe(slowDownMessage(10));
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(slowDownMessage(10));
    const other = new URLSearchParams(slashCommandBody(QUESTION));
    other.set('user_id', 'U0OTHER');
    const answered = (await (await postToSlackEvents(server, other.toString())).json()) as { text: string };
    expect(answered.text).toBe(texts[0]);
    expect(lines.filter((l) => l.event === 'rate_limited')).toHaveLength(1);
    // Ten seconds later one more question is allowed.
    t += 10_000;
    expect(((await (await postToSlackEvents(server, slashCommandBody(QUESTION))).json()) as { text: string }).text).toBe(texts[0]);
  });

  it('tells a user flooding mentions once, in the thread, and posts nothing more for the flood', async () => {
    t += 3_600_000;
    const posted: Array<Record<string, unknown>> = [];
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .times(3)
      .reply(200, (_uri, body) => (posted.push(readApiCall(body)), { ok: true, ts: '2.2' }));
    for (let i = 0; i < 6; i++) expect((await postToSlackEvents(server, mentionBody(QUESTION, `EvFlood${i}`))).status).toBe(200);
    await waitFor(() => scope.isDone(), 5000, 'three posts');
    await waitFor(() => lines.filter((l) => l.event === 'rate_limited' && l.surface === 'app_mention').length === 4, 5000, 'four refusals');
    const slowDowns = posted.filter((p) => String(p.text).startsWith("You're asking faster"));
    expect(slowDowns).toHaveLength(1);
    expect(slowDowns[0]).toMatchObject({ channel: expect.any(String), thread_ts: expect.any(String) });
    expect(posted).toHaveLength(3);
  });
});

describe('Slack rate limit per workspace (from the environment)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    // The limiter serve builds itself: 5 questions per user, but 2 for the whole workspace.
    const env = { ...slackEnv(), BRIEFBOT_RATE_BURST: '5', BRIEFBOT_RATE_TEAM_BURST: '2', BRIEFBOT_RATE_TEAM_PER_MINUTE: '1' };
    server = await startTestServer({ env, limiter: undefined, slack: { ackDeadlineMs: 2000, retryConfig: { retries: 0 } } });
    await server.ready;
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
  });

  it('tells a third colleague to slow down once the workspace has had its two, and answers another workspace', async () => {
    const ask = async (user: string, team = 'T0001') => {
      const body = new URLSearchParams(slashCommandBody(QUESTION));
      body.set('user_id', user);
      body.set('team_id', team);
      return ((await (await postToSlackEvents(server, body.toString())).json()) as { text: string }).text;
    };
    const first = await ask('U1');
    expect(first).not.toMatch(/asking faster/);
    expect(await ask('U2')).toBe(first);
    expect(await ask('U3')).toMatch(/^You're asking faster than I can keep up with\. Please wait \d+ seconds and ask again\.$/);
    expect(await ask('U3', 'T0002')).toBe(first);
  });
});
