import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../adapters/serve.js';
import { createCaptureLogger } from '../teams/capture-logger.js';
import { buttonPressBody, postToSlackEvents, slashCommandBody, startTestServer } from './slack-harness.js';

const DIXON = 'what did Dixon say about senates?';
// The server's clock, fixed when the file loads (Bolt's own stale check reads the real one, a moment later).
const NOW_SECONDS = Math.floor(Date.now() / 1000);

/** A form body carrying one interactive payload. */
function payloadBody(payload: Record<string, unknown>): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

describe('Slack requests: timestamps both ways, payloads nobody listens to', () => {
  let server: RunningServer;
  const { logger, lines } = createCaptureLogger();

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    // The server's clock is injected; requests are dated relative to it.
    server = await startTestServer({ logger, slack: { ackDeadlineMs: 2000, retryConfig: { retries: 0 }, now: () => NOW_SECONDS * 1000 } });
    await server.ready;
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
  });

  it('refuses a correctly signed request dated more than 5 minutes ahead (401), like a stale one', async () => {
    const ahead = await postToSlackEvents(server, slashCommandBody(DIXON), { timestamp: NOW_SECONDS + 6 * 60 });
    expect(ahead.status).toBe(401);
    expect(lines.find((l) => l.event === 'slack_request_refused')).toMatchObject({ reason: 'timestamp_in_future' });
    const aDayAhead = await postToSlackEvents(server, slashCommandBody(DIXON), { timestamp: NOW_SECONDS + 86_400 });
    expect(aDayAhead.status).toBe(401);
  });

  it('answers a request dated within 5 minutes either way', async () => {
    for (const skew of [-4 * 60, 4 * 60]) {
      const res = await postToSlackEvents(server, slashCommandBody(DIXON), { timestamp: NOW_SECONDS + skew });
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).toContain('Senates should be only advisory');
    }
  });

  it.each([
    ['a JSON body of no kind Bolt knows', JSON.stringify({ type: 'something_new', token: 'x' })],
    ['a form payload of no kind Bolt knows', payloadBody({ type: 'workflow_step_edit_v9' })],
    ['a button Briefbot never made', buttonPressBody('not_ours', 'x')],
    ['a global shortcut', payloadBody({ type: 'shortcut', callback_id: 'nope', trigger_id: '1.2', team: { id: 'T1' }, user: { id: 'U1' } })],
    ['a closed modal that is not ours', payloadBody({ type: 'view_closed', team: { id: 'T1' }, user: { id: 'U1' }, view: { id: 'V1', callback_id: 'other' } })],
  ])('acknowledges %s at once (200), instead of holding it 3 s for a 404', async (_what, body) => {
    const started = Date.now();
    const res = await postToSlackEvents(server, body, { timestamp: NOW_SECONDS });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('still refuses such a payload when it is not signed by Slack (401)', async () => {
    const res = await postToSlackEvents(server, JSON.stringify({ type: 'something_new' }), { timestamp: NOW_SECONDS, secret: 'forged' });
    expect(res.status).toBe(401);
  });
});
