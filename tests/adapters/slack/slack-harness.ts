import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServe, type RunningServer, type ServeOptions } from '../../../adapters/serve.js';
import { createSilentLogger, UNLIMITED } from '../../../src/index.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/slack');

/** The secret test requests are signed with. */
export const SIGNING_SECRET = 'test-signing-secret-3f9a1c';
export const BOT_TOKEN = 'xoxb-test-0000-briefbot';
export const BOT_USER_ID = 'U0BRIEFBOT';
/** A stand-in for slack.com, set through SLACK_API_URL. */
export const API_ORIGIN = 'https://slack.test';
export const API_URL = `${API_ORIGIN}/api/`;
export const BUNDLED_CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../corpus');

/** The environment of a Slack app in HTTP mode whose ids are known (no auth.test call). */
export function slackEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_ID: 'B0BRIEFBOT',
    SLACK_BOT_USER_ID: BOT_USER_ID,
    SLACK_API_URL: API_URL,
    ...extra,
  };
}

/** Starts `briefbot serve` on a free loopback port with a fast Web API retry policy, once its platforms are set up. */
export async function startTestServer(options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  const server = await startServe({
    corpusDir: BUNDLED_CORPUS,
    port: 0,
    host: '127.0.0.1',
    env: slackEnv(),
    logger: createSilentLogger(),
    // One test user asks many questions here; the limit has its own tests (slack-rate-limit.test.ts).
    limiter: UNLIMITED,
    slack: { retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 }, ...options.slack },
    ...options,
  });
  // The server listens before the platforms are set up; tests post to their routes at once.
  await server.platformsReady.catch(() => undefined);
  return server;
}

function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A real slash command body (bolt-python's fixture) for `/brief` with our own question. */
export function slashCommandBody(text: string): string {
  const form = new URLSearchParams(readFixture('slash-command-hello-world-text.form.txt'));
  form.set('command', '/brief');
  form.set('text', text);
  return form.toString();
}

/** The `response_url` the slash command fixture carries. */
export function slashResponseUrl(): URL {
  return new URL(new URLSearchParams(readFixture('slash-command-hello-world-text.form.txt')).get('response_url') ?? '');
}

/** A real `app_mention` event_callback with our question after the bot's mention and our own event id. */
export function mentionBody(text: string, eventId: string): string {
  const body = JSON.parse(readFixture('event-callback-app-mention.json'));
  body.event_id = eventId;
  body.event.text = `<@${BOT_USER_ID}> ${text}`;
  return JSON.stringify(body);
}

/** A real Events API `message` payload, turned into a direct message (channel_type "im") with our text. */
export function directMessageBody(text: string, eventId: string, extraEvent: Record<string, unknown> = {}): string {
  const { payload } = JSON.parse(readFixture('socket-mode-events-api-message.envelope.json'));
  payload.event_id = eventId;
  payload.event = { ...payload.event, text, channel: 'D111', channel_type: 'im', ...extraEvent };
  return JSON.stringify(payload);
}

/** The Socket Mode envelope of an app_mention that Slack redelivered (retry_attempt set). */
export function socketModeRedelivery(): { payload: Record<string, unknown>; retry_attempt: number; retry_reason: string } {
  return JSON.parse(readFixture('socket-mode-app-mention.envelope.json'));
}

/** A real `block_actions` payload (a button on an ephemeral message) carrying our action id and value. */
export function buttonPressBody(actionId: string, value: string, container: Record<string, unknown> = {}, message?: Record<string, unknown>): string {
  const payload = JSON.parse(readFixture('block-actions-button.payload.json'));
  payload.actions[0].action_id = actionId;
  payload.actions[0].value = value;
  payload.container = { ...payload.container, ...container };
  if (message !== undefined) payload.message = message;
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The `response_url` of the button fixture. */
export function buttonResponseUrl(): URL {
  return new URL(JSON.parse(readFixture('block-actions-button.payload.json')).response_url);
}

/** Slack's v0 request signature of `body` at `timestamp` (seconds). */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs `body` to `/slack/events` as Slack would: signed, with the right content type. */
export async function postToSlackEvents(
  server: RunningServer,
  body: string,
  options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType = body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded';
  return fetch(`http://127.0.0.1:${server.port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

/** Waits until `check` holds (e.g. a nock scope is done), failing after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Reads a Web API call's form body (blocks arrive JSON-encoded). */
export function readApiCall(body: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : { ...(body as object) };
  if (typeof fields.blocks === 'string') fields.blocks = JSON.parse(fields.blocks);
  return fields;
}
