import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningServer } from '../../adapters/serve.js';
import type { TeamsActivity as Activity } from '../../adapters/teams/index.js';
import { createSilentLogger } from '../../src/index.js';
import { API_ORIGIN, postToSlackEvents, slackEnv, slashCommandBody } from '../adapters/slack/slack-harness.js';
import { loadFixture } from '../adapters/teams/fixtures.js';
import { expectReply, postActivity } from '../adapters/teams/harness.js';

/**
 * `briefbot serve` with Slack (HTTP mode, nock as the Web API) and Teams (unauthenticated on
 * loopback, nock as the Bot Connector): a watch is set on each, an article with the watched words
 * arrives in the corpus folder, and each channel gets the quote once.
 */
const CORPUS = path.join(import.meta.dirname, '../../corpus');
const GP = '2012-11-22-gp-ccgs-demolition-experts.md';
const PHARMATIMES = '2012-11-22-pharmatimes-demolition-experts.md';
const QUOTE = 'Clinical commissioners must become demolition experts.';

/** Waits for the server's folder watcher and re-index (real file events), at most 20 s. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('watches through briefbot serve', () => {
  let dir: string;
  let running: RunningServer;
  const teamsMessage = { ...loadFixture('personal-message.json'), text: 'watch "demolition experts"' } as Partial<Activity>;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    dir = mkdtempSync(path.join(tmpdir(), 'briefbot-watch-e2e-'));
    copyFileSync(path.join(CORPUS, '2011-06-20-nhs-alliance-clinically-led-commissioning.md'), path.join(dir, 'a.md'));
    running = await startServe({
      corpusDir: dir,
      port: 0,
      host: '127.0.0.1',
      env: { ...slackEnv(), TEAMS_ALLOW_UNAUTHENTICATED: 'true' },
      logger: createSilentLogger(),
      slack: { retryConfig: { retries: 0 } },
      sleep: async () => undefined,
    });
    await running.ready;
  });
  afterAll(async () => {
    await running.close();
    nock.cleanAll();
    nock.enableNetConnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('confirms a watch in Slack and in Teams, then posts a new quote to each once', async () => {
    const slashBody = slashCommandBody('watch "demolition experts"');
    const ack = await postToSlackEvents(running, slashBody);
    expect(ack.status).toBe(200);
    expect(((await ack.json()) as { text: string }).text).toBe('Watching for new quotes with the words "demolition experts" in #random; no quotes in the corpus match yet.');

    const teamsSent: Array<Partial<Activity>> = [];
    const confirm = expectReply(teamsMessage, teamsSent);
    expect((await postActivity({ url: `http://127.0.0.1:${running.port}`, close: async () => undefined }, teamsMessage)).status).toBe(200);
    expect(confirm.isDone()).toBe(true);
    expect(teamsSent[0]?.text).toBe('Watching for new quotes with the words "demolition experts" in this chat; no quotes in the corpus match yet.');

    const slackPosts: Array<Record<string, unknown>> = [];
    const slack = nock(API_ORIGIN)
      .post('/api/chat.postMessage', (body: Record<string, unknown>) => {
        slackPosts.push(body);
        return true;
      })
      .reply(200, { ok: true, channel: 'C111', ts: '1.2' });
    const teamsPosts: Array<Partial<Activity>> = [];
    const conversation = encodeURIComponent(teamsMessage.conversation!.id);
    const connector = nock(new URL(teamsMessage.serviceUrl!).origin)
      .post(new RegExp(`/v3/conversations/${conversation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/activities`), (body: Partial<Activity>) => {
        teamsPosts.push(body);
        return true;
      })
      .reply(200, { id: 'proactive-1' });

    // Two outlets report the remark at once: one post, listing both.
    copyFileSync(path.join(CORPUS, GP), path.join(dir, GP));
    copyFileSync(path.join(CORPUS, PHARMATIMES), path.join(dir, PHARMATIMES));
    await until(() => slack.isDone() && connector.isDone());
    expect(slack.isDone()).toBe(true);
    expect(connector.isDone()).toBe(true);

    expect(slackPosts).toHaveLength(1);
    expect(slackPosts[0]).toMatchObject({ channel: 'C111' });
    const blocks = JSON.stringify(slackPosts[0]!.blocks);
    expect(blocks).toContain(QUOTE);
    expect(blocks).toContain('Michael Dixon');
    expect(blocks).toContain('GP (GPonline.com)');
    expect(blocks).toContain('PharmaTimes');
    expect(blocks).toContain('https://www.gponline.com/ccgs-demolition-experts-says-nhs-alliance-chairman/article/1160750');

    expect(teamsPosts).toHaveLength(1);
    expect(teamsPosts[0]?.text).toBe('New quote from Michael Dixon (GP (GPonline.com), PharmaTimes)');
    expect(JSON.stringify(teamsPosts[0]?.attachments)).toContain(QUOTE);
  });
});
