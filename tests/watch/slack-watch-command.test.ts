import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { checkMembership } from '../../adapters/slack/check-membership.js';
import { openBriefbot } from '../../src/index.js';
import type { RunningServer } from '../../adapters/serve.js';
import { API_ORIGIN, BUNDLED_CORPUS, postToSlackEvents, slashCommandBody, slashResponseUrl, startTestServer, waitFor } from '../adapters/slack/slack-harness.js';

/**
 * `/brief watch …` through Bolt over HTTP, nock as the Web API: the bot says at once when it is not
 * in the channel (asked with conversations.info, never by posting), and a slow corpus still gets
 * its acknowledgement inside Slack's 3 s, the confirmation following through response_url.
 */
const NOT_IN = "I'm not in #random: invite me with /invite @Briefbot so I can post new quotes.";
let dir: string;
const running: RunningServer[] = [];

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  nock.cleanAll();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  dir = mkdtempSync(path.join(tmpdir(), 'briefbot-slack-watch-'));
  copyFileSync(path.join(BUNDLED_CORPUS, '2011-06-20-nhs-alliance-clinically-led-commissioning.md'), path.join(dir, 'a.md'));
  const server = await startTestServer({ corpusDir: dir, slack: { retryConfig: { retries: 0 } }, ...options });
  running.push(server);
  return server;
}

const command = async (server: RunningServer, text: string) => ((await (await postToSlackEvents(server, slashCommandBody(text))).json()) as { text: string }).text;

function conversationsInfo(reply: Record<string, unknown>) {
  const asked: string[] = [];
  const scope = nock(API_ORIGIN)
    .post('/api/conversations.info', (body: Record<string, unknown>) => (asked.push(String(body.channel)), true))
    .reply(200, reply);
  return { scope, asked };
}

describe('/brief watch in a channel', () => {
  it('says when the bot is not in the channel, and `watches` marks the channel not deliverable', async () => {
    const server = await start();
    await server.ready;
    const info = conversationsInfo({ ok: true, channel: { id: 'C111', name: 'random', is_member: false } });
    const text = await command(server, 'watch Dixon on senates');
    expect(info.scope.isDone()).toBe(true);
    expect(info.asked).toEqual(['C111']);
    expect(text).toBe(`Watching for new quotes from Michael Dixon about "senates" in #random; 2 quotes in the corpus already match. ${NOT_IN}`);
    const list = (await command(server, 'watches')).split('\n');
    expect(list[1]).toMatch(/^1\. quotes from Michael Dixon about "senates" \(set by @primary-owner, \d{4}-\d\d-\d\d\) \(not deliverable\)$/);
    expect(list[2]).toMatch(/^Not deliverable since \d{4}-\d\d-\d\d \d\d:\d\d UTC: I'm not in #random: invite me with \/invite @Briefbot so I can post new quotes\.$/);
  });

  it('says nothing more when the bot is a member, nor when the scope is missing (the first failed post will)', async () => {
    const server = await start();
    await server.ready;
    const member = conversationsInfo({ ok: true, channel: { id: 'C111', is_member: true } });
    expect(await command(server, 'watch Dixon on senates')).toBe('Watching for new quotes from Michael Dixon about "senates" in #random; 2 quotes in the corpus already match.');
    expect(member.scope.isDone()).toBe(true);
    const noScope = conversationsInfo({ ok: false, error: 'missing_scope', needed: 'channels:read' });
    expect(await command(server, 'watch quotes from Dixon')).toMatch(/^Watching for new quotes from Michael Dixon in #random; \d+ quotes in the corpus already match\.$/);
    expect(noScope.scope.isDone()).toBe(true);
    expect(await command(server, 'watches')).not.toContain('not deliverable');
  });

  it('acknowledges within the deadline while the corpus is still slow, then confirms through response_url', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = await start({
      openEngine: async (corpusDir) => {
        await gate;
        return openBriefbot({ corpusDir, cache: 'off' });
      },
      slack: { ackDeadlineMs: 150, retryConfig: { retries: 0 } },
    });
    conversationsInfo({ ok: true, channel: { id: 'C111', is_member: true } });
    const hook: unknown[] = [];
    const response = nock(slashResponseUrl().origin)
      .post(slashResponseUrl().pathname, (body: unknown) => (hook.push(body), true))
      .reply(200, 'ok');
    expect(await command(server, 'watch Dixon on senates daily at 8:00')).toBe('Setting up the watch…');
    expect(response.isDone()).toBe(false);
    release();
    await waitFor(() => hook.length > 0, 10_000, 'the response_url post');
    expect(hook[0]).toMatchObject({ response_type: 'ephemeral', replace_original: true, text: 'Watching for new quotes from Michael Dixon about "senates" in #random, daily at 08:00 (UTC); 2 quotes in the corpus already match.' });
  });

  it('asks with the workspace’s own token when there are many (OAuth), and treats a channel Slack hides as one it is not in', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'briefbot-slack-watch-'));
    const client = new webApi.WebClient(undefined, { retryConfig: { retries: 0 }, slackApiUrl: `${API_ORIGIN}/api/` });
    const scope = nock(API_ORIGIN)
      .post('/api/conversations.info')
      .matchHeader('authorization', 'Bearer xoxb-news-3333')
      .reply(200, { ok: true, channel: { id: 'C0NEWS', is_member: true } })
      .post('/api/conversations.info')
      .reply(200, { ok: false, error: 'channel_not_found' });
    expect(await checkMembership(client, 'C0NEWS', '#news', 'xoxb-news-3333')).toEqual({ kind: 'member' });
    expect(await checkMembership(client, 'C0PRIVATE', '#secret', 'xoxb-news-3333')).toEqual({ kind: 'not_member', code: 'channel_not_found', message: "I'm not in #secret: invite me with /invite @Briefbot so I can post new quotes" });
    expect(scope.isDone()).toBe(true);
  });
});
