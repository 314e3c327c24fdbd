import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningServer } from '../../adapters/serve.js';
import type { TeamsActivity as Activity } from '../../adapters/teams/index.js';
import type { ResolveHost } from '../../src/ingest/fetch-page.js';
import { createSilentLogger } from '../../src/index.js';
import { API_ORIGIN, postToSlackEvents, slackEnv, slashCommandBody } from '../adapters/slack/slack-harness.js';
import { loadFixture } from '../adapters/teams/fixtures.js';
import { expectReply, postActivity } from '../adapters/teams/harness.js';
import { rssFeed, rssItem } from './rss.js';

/**
 * The "done when": `briefbot serve` polls a feed (nock), a watch is set in Slack and in
 * Teams, the feed gains an item with a new Dixon quote on senates, and at the next poll (time
 * driven by the test) each channel receives the quote once.
 */
const CORPUS = path.join(import.meta.dirname, '../../corpus');
const FEED = 'https://feeds.example.com/health.rss';
const QUOTE = 'Clinical senates must listen to the GPs who know their patients best.';
const resolveHost: ResolveHost = async () => [{ address: '93.184.216.34', family: 4 }];

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a polled feed gains an item that a watch wants', () => {
  let dir: string;
  let running: RunningServer;
  const timers: Array<() => Promise<void>> = [];
  const teamsMessage = { ...loadFixture('personal-message.json'), text: 'watch Dixon on senates' } as Partial<Activity>;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    dir = mkdtempSync(path.join(tmpdir(), 'briefbot-feed-e2e-'));
    copyFileSync(path.join(CORPUS, '2011-06-20-nhs-alliance-clinically-led-commissioning.md'), path.join(dir, '2011-06-20-nhs-alliance-clinically-led-commissioning.md'));
    writeFileSync(path.join(dir, 'feeds.yml'), `feeds:\n  - url: ${FEED}\n    every: 5m\n    outlet: Health Board News\n`);
    running = await startServe({
      corpusDir: dir,
      port: 0,
      host: '127.0.0.1',
      env: { ...slackEnv(), TEAMS_ALLOW_UNAUTHENTICATED: 'true' },
      logger: createSilentLogger(),
      slack: { retryConfig: { retries: 0 } },
      sleep: async () => undefined,
      feeds: { schedule: (fn) => (timers.push(fn), () => undefined), random: () => 0.5, fetch: { resolveHost } },
    });
    await running.ready;
  });
  afterAll(async () => {
    await running.close();
    nock.cleanAll();
    nock.enableNetConnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts the new quote to Slack and through the Bot Connector, each once', async () => {
    await until(() => timers.length === 1);
    expect(timers).toHaveLength(1);
    const first = nock('https://feeds.example.com').get('/health.rss').reply(200, rssFeed([rssItem(1)]), { 'content-type': 'application/rss+xml', etag: '"v1"' });
    await timers.shift()!();
    expect(first.isDone()).toBe(true);
    expect(timers).toHaveLength(1);

    const ack = await postToSlackEvents(running, slashCommandBody('watch Dixon on senates'));
    expect(((await ack.json()) as { text: string }).text).toMatch(/^Watching for new quotes from Michael Dixon about "senates" in #random; 2 quotes in the corpus already match\.$/);
    const sent: Array<Partial<Activity>> = [];
    const confirm = expectReply(teamsMessage, sent);
    await postActivity({ url: `http://127.0.0.1:${running.port}`, close: async () => undefined }, teamsMessage);
    expect(confirm.isDone()).toBe(true);
    expect(sent[0]?.text).toMatch(/^Watching for new quotes from Michael Dixon about "senates" in this chat/);

    const slackPosts: Array<Record<string, unknown>> = [];
    const slack = nock(API_ORIGIN)
      .post('/api/chat.postMessage', (body: Record<string, unknown>) => (slackPosts.push(body), true))
      .reply(200, { ok: true });
    const teamsPosts: Array<Partial<Activity>> = [];
    const conversation = encodeURIComponent(teamsMessage.conversation!.id);
    const connector = nock(new URL(teamsMessage.serviceUrl!).origin)
      .post((uri) => uri.includes(`/v3/conversations/${conversation}/activities`), (body: Partial<Activity>) => (teamsPosts.push(body), true))
      .reply(200, { id: 'proactive-1' });
    const gained = nock('https://feeds.example.com', { reqheaders: { 'if-none-match': '"v1"' } })
      .get('/health.rss')
      .reply(200, rssFeed([rssItem(2, QUOTE), rssItem(1)]), { 'content-type': 'application/rss+xml', etag: '"v2"' });
    await timers.shift()!();
    expect(gained.isDone()).toBe(true);
    await until(() => gained.isDone() && slack.isDone() && connector.isDone());
    expect([gained.isDone(), slack.isDone(), connector.isDone()]).toEqual([true, true, true]);
    expect(slackPosts).toHaveLength(1);
    const blocks = JSON.stringify(slackPosts[0]!.blocks);
    for (const words of [QUOTE, 'Michael Dixon', 'Health Board News', 'https://feeds.example.com/news/board-meeting-2', '3 Dec 2026']) expect(blocks).toContain(words);
    expect(teamsPosts).toHaveLength(1);
    expect(JSON.stringify(teamsPosts[0]?.attachments)).toContain(QUOTE);
  });
});
