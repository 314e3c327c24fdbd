import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningServer } from '../../../adapters/serve.js';
import { createMemoryRateLimiter, createMetrics } from '../../../src/index.js';
import { createCaptureLogger } from '../teams/capture-logger.js';
import { API_ORIGIN, BUNDLED_CORPUS, mentionBody, postToSlackEvents, slackEnv, slashCommandBody, startTestServer, waitFor } from './slack-harness.js';

const DIXON = 'what did Dixon say about senates?';

/** The value of one sample line (`name{labels} value`) of the exposition, or null when it is not there. */
function sample(body: string, line: string): number | null {
  const found = body.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? null : Number(found.slice(line.length + 1));
}

async function scrape(server: RunningServer): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

const running: RunningServer[] = [];
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  nock.abortPendingRequests();
  await Promise.all(running.splice(0).map((s) => s.close()));
  nock.cleanAll();
});

describe('briefbot serve: operations', () => {
  it('serves GET /metrics: requests by platform and outcome, answers by kind and latency, index size and age, rate limits, outbound failures', async () => {
    let now = 5_000_000;
    const metrics = createMetrics({ now: () => now, processMetrics: true });
    const { logger, lines } = createCaptureLogger();
    const server = await startTestServer({
      logger,
      metrics,
      limiter: createMemoryRateLimiter({ burst: 2, perMinute: 1 }, () => 0),
      slack: { ackDeadlineMs: 2000, retryConfig: { retries: 0 } },
    });
    running.push(server);
    await server.ready;
    // Two answered slash commands, then a third refused by the limit (still a 200 "slow down").
    for (let i = 0; i < 3; i++) expect((await postToSlackEvents(server, slashCommandBody(DIXON))).status).toBe(200);
    // A forged request: 401.
    expect((await postToSlackEvents(server, slashCommandBody(DIXON), { secret: 'forged' })).status).toBe(401);
    // A mention from another user whose answer Slack refuses with a 500, and the apology too.
    const other = mentionBody(DIXON, 'EvMetrics').replace(/"user":\s*"[^"]+"/, '"user":"U0OTHER"');
    const failing = nock(API_ORIGIN).post('/api/chat.postMessage').times(2).reply(500, 'boom');
    expect((await postToSlackEvents(server, other)).status).toBe(200);
    await waitFor(() => failing.isDone() && lines.some((l) => l.event === 'slack_apology_failed'), 5000, 'the failed posts');
    now += 90_000;

    const body = await scrape(server);
    expect(sample(body, 'briefbot_requests_total{platform="slack",outcome="2xx"}')).toBe(4);
    expect(sample(body, 'briefbot_requests_total{platform="slack",outcome="4xx"}')).toBe(1);
    expect(sample(body, 'briefbot_answers_total{kind="results"}')).toBe(3);
    expect(sample(body, 'briefbot_answer_duration_seconds_count{kind="results"}')).toBe(3);
    expect(sample(body, 'briefbot_rate_limited_total{platform="slack"}')).toBe(1);
    expect(sample(body, 'briefbot_outbound_failures_total{platform="slack",call="web_api"}')).toBe(2);
    expect(sample(body, 'briefbot_index_articles')).toBe((lines.find((l) => l.event === 'engine_ready') as { articles: number }).articles);
    expect(sample(body, 'briefbot_index_statements')).toBeGreaterThan(0);
    expect(sample(body, 'briefbot_index_age_seconds')).toBe(90);
    expect(body).toContain('process_resident_memory_bytes');
    // The scrape itself is counted from the next one on.
    expect(sample(await scrape(server), 'briefbot_requests_total{platform="metrics",outcome="2xx"}')).toBe(1);
  });

  it('with BRIEFBOT_METRICS_TOKEN, answers GET /metrics with 401 unless the request has that bearer token, and never logs it', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const { logger, lines } = createCaptureLogger();
    const server = await startTestServer({ logger, env: slackEnv({ BRIEFBOT_METRICS_TOKEN: token }), metrics: createMetrics() });
    running.push(server);
    const url = `http://127.0.0.1:${server.port}/metrics`;
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789abcdef', `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`]) {
      const res = await fetch(url, authorization ? { headers: { authorization } } : {});
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.text()).not.toContain('briefbot_');
    }
    const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const body = await ok.text();
    // The refused scrapes are counted as 4xx; health checks stay open.
    expect(sample(body, 'briefbot_requests_total{platform="metrics",outcome="4xx"}')).toBe(5);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    expect(lines.some((l) => l.event === 'metrics_token_on')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('refuses to start with a BRIEFBOT_METRICS_TOKEN that is too short or has spaces, naming it but not its value', async () => {
    for (const bad of ['short', 'a token with spaces in it']) {
      const started = startTestServer({ env: slackEnv({ BRIEFBOT_METRICS_TOKEN: bad }) });
      await expect(started).rejects.toThrow(/^BRIEFBOT_METRICS_TOKEN must be at least 16 characters/);
      await expect(started).rejects.not.toThrow(bad);
    }
  });

  it('logs at start what was loaded and how long it took', async () => {
    const { logger, lines } = createCaptureLogger();
    const server = await startTestServer({ logger });
    running.push(server);
    await server.ready;
    const ready = lines.find((l) => l.event === 'engine_ready');
    expect(ready).toMatchObject({ platforms: ['slack'], index: expect.stringMatching(/^(cache|updated|built)$/) });
    expect(ready?.articles).toBeGreaterThan(0);
    expect(ready?.statements).toBeGreaterThan(0);
    expect(typeof ready?.durationMs).toBe('number');
    expect(ready?.msg).toMatch(/^ready for questions: \d+ articles, \d+ statements, index \w+, in \d+ ms$/);
    expect(lines.find((l) => l.event === 'platforms_ready')).toMatchObject({ platforms: ['slack'] });
  });

  it('refuses to start with a BRIEFBOT_MAX_ANSWERS that is not a whole number from 1 to 64, naming it', async () => {
    for (const bad of ['0', '65', 'lots']) {
      await expect(startTestServer({ env: slackEnv({ BRIEFBOT_MAX_ANSWERS: bad }) })).rejects.toThrow(/^BRIEFBOT_MAX_ANSWERS must be a whole number from 1 to 64/);
    }
  });

  it('listens and answers /healthz before a hung auth.test returns; /readyz says starting until the platforms are set up', async () => {
    const hung = nock(API_ORIGIN).post('/api/auth.test').delay(60_000).reply(200, { ok: true, bot_id: 'B1', user_id: 'U1' });
    const started = Date.now();
    const server = await startServe({ corpusDir: BUNDLED_CORPUS, port: 0, host: '127.0.0.1', env: slackEnv({ SLACK_BOT_ID: '', SLACK_BOT_USER_ID: '' }), logger: createCaptureLogger().logger, metrics: createMetrics() });
    running.push(server);
    expect(Date.now() - started).toBeLessThan(5000);
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'starting' });
    // Slack's route is not there yet: a request is told to come back, not 404.
    const early = await postToSlackEvents(server, slashCommandBody(DIXON));
    expect(early.status).toBe(503);
    // Nothing set up yet: the auth.test call is still hanging.
    expect(server.platforms).toEqual([]);
    expect(hung.pendingMocks()).toEqual([]);
  });
});
