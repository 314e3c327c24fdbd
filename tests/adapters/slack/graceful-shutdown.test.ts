import { connect } from 'node:net';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../adapters/serve.js';
import { openBriefbot } from '../../../src/index.js';
import { createCaptureLogger } from '../teams/capture-logger.js';
import { API_ORIGIN, mentionBody, postToSlackEvents, slashCommandBody, slashResponseUrl, startTestServer, waitFor } from './slack-harness.js';

const DIXON = 'what did Dixon say about senates?';

/** A server whose engine waits for `release()` before its first answer. */
async function startGated(extra: Parameters<typeof startTestServer>[0] = {}) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const { logger, lines } = createCaptureLogger();
  const server = await startTestServer({
    logger,
    openEngine: async (corpusDir) => {
      await gate;
      return openBriefbot({ corpusDir });
    },
    slack: { ackDeadlineMs: 200, retryConfig: { retries: 0 } },
    ...extra,
  });
  return { server, release, lines };
}

/** Sends the first line of a request and returns a function that finishes it and reads the raw answer. */
async function halfSentRequest(port: number, path: string): Promise<() => Promise<string>> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
  let text = '';
  socket.on('data', (chunk) => (text += String(chunk)));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return async () => {
    socket.write('\r\n');
    await ended;
    return text;
  };
}

const running: RunningServer[] = [];
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  nock.cleanAll();
});

describe('graceful shutdown', () => {
  it('reports draining, refuses new connections, delivers the answer in flight, then closes and logs both ends', async () => {
    const { server, release, lines } = await startGated();
    running.push(server);
    const hook: unknown[] = [];
    const scope = nock(slashResponseUrl().origin)
      .post(slashResponseUrl().pathname)
      .reply(200, (_uri, body) => (hook.push(body), 'ok'));
    const ack = await postToSlackEvents(server, slashCommandBody(DIXON));
    expect(await ack.json()).toMatchObject({ text: 'Searching the articles…' });
    const finishHealth = await halfSentRequest(server.port, '/readyz');

    const closed = server.close();
    expect(server.health().status).toBe('draining');
    await expect(fetch(`http://127.0.0.1:${server.port}/readyz`)).rejects.toThrow();
    const health = await finishHealth();
    expect(health).toMatch(/^HTTP\/1\.1 503/);
    expect(health).toMatch(/connection: close/i);
    expect(health).toContain('"status":"draining"');
    expect(scope.isDone()).toBe(false);

    release();
    await closed;
    // The answer reached Slack before the server finished closing.
    expect(scope.isDone()).toBe(true);
    expect(JSON.stringify(hook[0])).toContain('Senates should be only advisory');
    const events = lines.map((l) => l.event);
    expect(events).toContain('shutdown_started');
    expect(lines.find((l) => l.event === 'shutdown_finished')).toMatchObject({ drained: true, abandoned: 0 });
    expect(events.indexOf('shutdown_started')).toBeLessThan(events.indexOf('shutdown_finished'));
  });

  it('closes at the deadline when work in flight never ends, and says how much was cut off', async () => {
    const { server, release, lines } = await startGated({ shutdownDeadlineMs: 100 });
    running.push(server);
    nock(slashResponseUrl().origin).post(slashResponseUrl().pathname).reply(200, 'ok');
    await postToSlackEvents(server, slashCommandBody(DIXON));
    await server.close();
    expect(lines.find((l) => l.event === 'shutdown_finished')).toMatchObject({ drained: false, abandoned: 1 });
    release();
  });

  it('gives up on a response_url that never answers instead of holding the shutdown', async () => {
    const { server, release, lines } = await startGated({ slack: { ackDeadlineMs: 200, retryConfig: { retries: 0 }, timeoutMs: 100 } });
    running.push(server);
    // The late answer and then the apology both hang far past the timeout.
    nock(slashResponseUrl().origin).post(slashResponseUrl().pathname).times(2).delay(60_000).reply(200, 'ok');
    expect(await (await postToSlackEvents(server, slashCommandBody(DIXON))).json()).toMatchObject({ text: 'Searching the articles…' });
    release();
    await waitFor(() => lines.some((l) => l.event === 'slack_apology_failed'), 5000, 'the timed-out calls');
    expect(lines.find((l) => l.event === 'slack_error')).toMatchObject({ err: { name: 'TimeoutError' } });
    await server.close();
    expect(lines.find((l) => l.event === 'shutdown_finished')).toMatchObject({ drained: true });
  });

  it('logs an expired response_url (404) for a late answer, tries it no more than for the apology, and answers the next command', async () => {
    const { server, release, lines } = await startGated();
    running.push(server);
    // Slack forgets a response_url after 30 minutes (or 5 uses): the late answer and the apology both get 404.
    const expired = nock(slashResponseUrl().origin).post(slashResponseUrl().pathname).times(2).reply(404, 'expired_url');
    expect(await (await postToSlackEvents(server, slashCommandBody(DIXON))).json()).toMatchObject({ text: 'Searching the articles…' });
    release();
    await waitFor(() => lines.some((l) => l.event === 'slack_error'), 5000, 'the refused call');
    // Logged with Slack's status; the apology tries once more and is refused too, then nothing more.
    expect(lines.find((l) => l.event === 'slack_error')).toMatchObject({ err: { code: 'slack_bolt_respond_error', statusCode: 404 } });
    await waitFor(() => expired.isDone(), 5000, 'the apology');
    // Nothing in the log carries a stack trace or the URL's secret path.
    expect(JSON.stringify(lines)).not.toContain(slashResponseUrl().pathname);
    expect(JSON.stringify(lines)).not.toMatch(/\\n\s+at /);
    // The server is still up and answers the next command in the ack itself.
    const next = (await (await postToSlackEvents(server, slashCommandBody(DIXON))).json()) as { text?: string; blocks?: unknown[] };
    expect(JSON.stringify(next)).toContain('Senates should be only advisory');
  });

  it('abandons a hung chat.postMessage at the timeout, logs it, and does not hold the shutdown', async () => {
    const { server, release, lines } = await startGated({ slack: { ackDeadlineMs: 200, retryConfig: { retries: 0 }, timeoutMs: 150 } });
    running.push(server);
    release();
    await server.ready;
    // The answer to a mention, and the apology after it, both hang far past the timeout.
    nock(API_ORIGIN).post('/api/chat.postMessage').times(2).delay(60_000).reply(200, { ok: true, ts: '1.1' });
    expect((await postToSlackEvents(server, mentionBody(DIXON, 'EvHung1'))).status).toBe(200);
    await waitFor(() => lines.some((l) => l.event === 'slack_error'), 5000, 'the timed-out post');
    const began = Date.now();
    await server.close();
    expect(Date.now() - began).toBeLessThan(5000);
    expect(lines.find((l) => l.event === 'shutdown_finished')).toMatchObject({ drained: true });
  });
});
