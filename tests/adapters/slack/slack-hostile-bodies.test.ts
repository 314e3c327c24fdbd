import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../adapters/serve.js';
import { checkSlackBody } from '../../../adapters/slack/check-slack-body.js';
import { postToSlackEvents, sign, slashCommandBody, startTestServer } from './slack-harness.js';

const FORM = 'application/x-www-form-urlencoded';

describe('checkSlackBody', () => {
  it('accepts what Slack sends and refuses what Bolt cannot read', () => {
    expect(checkSlackBody('application/json', '{"type":"event_callback"}')).toEqual({ ok: true, body: { type: 'event_callback' } });
    expect(checkSlackBody(FORM, 'command=%2Fbrief&text=hi')).toEqual({ ok: true, body: { command: '/brief', text: 'hi' } });
    expect(checkSlackBody(FORM, `payload=${encodeURIComponent('{"type":"block_actions"}')}`)).toEqual({ ok: true, body: { type: 'block_actions' } });
    for (const json of ['null', '[]', '42', '"text"', 'true', '{', '']) expect(checkSlackBody('application/json', json).ok, json).toBe(false);
    for (const form of ['payload=null', 'payload=%5B%5D', 'payload=7', 'payload=%7B%7D', 'payload=a&payload=b', 'payload=%7B']) expect(checkSlackBody(FORM, form).ok, form).toBe(false);
  });
});

describe('hostile Slack bodies over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    server = await startTestServer({ slack: { ackDeadlineMs: 300, retryConfig: { retries: 0 }, maxBodyBytes: 64 * 1024 } });
    await server.ready;
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
  });

  it.each(['null', '[]', '42', '"hello"', 'payload=null', 'payload=%5B%5D', 'payload=%7B%7D'])('a signed %s gets a 400 and the server keeps serving', async (body) => {
    const res = await postToSlackEvents(server, body, { headers: { 'content-type': body.startsWith('payload') ? FORM : 'application/json' } });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toHaveProperty('error');
    expect(text).not.toMatch(/TypeError|at \w+ \(|ssl_check/);
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('refuses a body over the cap with 413, declared or streamed', async () => {
    const big = `command=%2Fbrief&text=${'a'.repeat(70 * 1024)}`;
    expect((await postToSlackEvents(server, big)).status).toBe(413);
    const ts = Math.floor(Date.now() / 1000);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('a'.repeat(8 * 1024)));
        controller.close();
      },
    });
    const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign('x', ts) },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('still checks signatures and answers a real slash command after all that', async () => {
    expect((await postToSlackEvents(server, 'null', { secret: 'wrong-secret-0000', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await postToSlackEvents(server, slashCommandBody('help'), { secret: 'wrong-secret-0000' })).status).toBe(401);
    const res = await postToSlackEvents(server, slashCommandBody('help'));
    expect(res.status).toBe(200);
  });
});
