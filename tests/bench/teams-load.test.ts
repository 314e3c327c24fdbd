import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReply, startConnectorStandIn, type ConnectorStandIn } from '../../bench/connector-stand-in.js';
import { createTeamsActivity } from '../../bench/create-teams-activity.js';
import { meetsSlashTarget, renderLoadTest, type LoadFigures } from '../../bench/render-load-test.js';
import { extractQuestion, isGroupConversation } from '../../adapters/teams/extract-question.js';
import type { TeamsActivity } from '../../adapters/teams/index.js';
import type { Briefbot } from '../../src/index.js';
import { resultsAnswer, senatesResult } from '../fixtures/answers.js';
import { postActivity, startTeamsServer, type TeamsTestServer } from '../adapters/teams/harness.js';

const QUESTION = 'what did Dixon say about senates?';
const SERVICE_URL = 'http://127.0.0.1:9/amer/';
const NOW = new Date('2026-01-05T10:00:00Z');
const fixture = JSON.parse(readFileSync(new URL('../fixtures/teams/personal-message.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('createTeamsActivity', () => {
  it('asks the question in a 1:1 chat, which the bot takes whole without a mention', () => {
    const activity = createTeamsActivity(QUESTION, 3, SERVICE_URL, NOW);
    // On the wire the timestamps are strings; the SDK's type says Date.
    const parsed = activity as unknown as Partial<TeamsActivity>;
    expect(isGroupConversation(parsed)).toBe(false);
    expect(extractQuestion(parsed)).toEqual({ kind: 'question', text: QUESTION });
    expect(activity.serviceUrl).toBe(SERVICE_URL);
  });

  it('carries every field of the captured personal message', () => {
    const activity = createTeamsActivity(QUESTION, 0, SERVICE_URL, NOW);
    expect(Object.keys(activity).sort()).toEqual(Object.keys(fixture).sort());
    expect(activity.conversation.conversationType).toBe('personal');
    expect(activity.channelId).toBe('msteams');
  });

  it('gives each activity its own id, so each reply can be matched to its message', () => {
    const ids = Array.from({ length: 500 }, (_, n) => createTeamsActivity(QUESTION, n, SERVICE_URL, NOW).id);
    expect(new Set(ids).size).toBe(500);
  });

  it('escapes the question in its HTML twin', () => {
    const activity = createTeamsActivity('Smith & Jones on <tariffs>', 0, SERVICE_URL, NOW);
    expect(activity.attachments[0]?.content).toBe('<p>Smith &amp; Jones on &lt;tariffs&gt;</p>');
  });
});

describe('checkReply', () => {
  const path = '/amer/v3/conversations/a%3A1bench-conversation-3/activities/1700000000003';
  const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [] } };

  it('accepts a message replying to the activity with an Adaptive Card', () => {
    expect(checkReply(path, { type: 'message', replyToId: '1700000000003', attachments: [card] })).toEqual({ kind: 'card', replyToId: '1700000000003' });
  });

  it('flags a plain-text reply, such as the apology after a failed turn', () => {
    const check = checkReply(path, { type: 'message', replyToId: '1700000000003', text: 'Sorry, something went wrong' });
    expect(check).toMatchObject({ kind: 'not card', replyToId: '1700000000003' });
  });

  it('flags a post that is not a reply, or replies to another activity than its path names', () => {
    expect(checkReply('/amer/v3/conversations/a%3A1/activities', { type: 'message', attachments: [card] }).kind).toBe('bad path');
    expect(checkReply(path, { type: 'message', replyToId: '1700000000004', attachments: [card] }).kind).toBe('bad path');
  });
});

describe('the stand-in Bot Connector behind the real CloudAdapter', () => {
  let connector: ConnectorStandIn;
  let server: TeamsTestServer;
  let failNext = false;

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    const briefbot: Briefbot = {
      ask: async () => {
        if (failNext) {
          failNext = false;
          throw new Error('the core failed');
        }
        return resultsAnswer([senatesResult], 1);
      },
    };
    server = await startTeamsServer(briefbot);
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  it('has the card reply in hand by the time the activity is answered 200', async () => {
    const response = await postActivity(server, createTeamsActivity(QUESTION, 0, connector.serviceUrl, NOW));
    expect(response.status).toBe(200);
    // Counted before the 200 arrived: CloudAdapter answers only after the reply post returned.
    expect(connector.tally()).toMatchObject({ received: 1, cards: 1, notCards: 0, badPaths: 0, duplicates: 0 });
  });

  it('counts the apology of a failed turn as a reply without a card', async () => {
    failNext = true;
    const response = await postActivity(server, createTeamsActivity(QUESTION, 1, connector.serviceUrl, NOW));
    expect(response.status).toBe(200);
    const tally = connector.tally();
    expect(tally).toMatchObject({ received: 2, cards: 1, notCards: 1 });
    expect(tally.examples[0]).toContain('Sorry');
  });
});

describe('renderLoadTest', () => {
  const figures: LoadFigures = { sent: 9000, answered: 8995, throughput: 450, p50: 12, p99: 60, errors: 0, timeouts: 0, non2xx: 0 };
  const replies = { received: 6000, cards: 6000, notCards: 0, badPaths: 0, duplicates: 0, examples: [] };
  const report = { size: 10000, machine: 'test machine', connections: 8, durationS: 20, questions: 50, readyMs: 4200, indexSource: 'cache', loadAverage: { slack: 1.2, teams: 1.4 }, serverErrors: 0 };

  it('meets the slash-command target only with enough throughput, a low p99 and no errors', () => {
    expect(meetsSlashTarget(figures)).toBe(true);
    expect(meetsSlashTarget({ ...figures, p99: 151 })).toBe(false);
    expect(meetsSlashTarget({ ...figures, throughput: 299 })).toBe(false);
    expect(meetsSlashTarget({ ...figures, non2xx: 1 })).toBe(false);
  });

  it('writes one section headed "## Load test:" with both platforms and says Teams ran unauthenticated', () => {
    const text = renderLoadTest({ ...report, slack: figures, teams: { ...figures, throughput: 300, timeouts: 2 }, replies });
    expect(text.match(/\n## /g)).toHaveLength(1);
    expect(text).toContain('\n## Load test:');
    expect(text).toContain('| **throughput** | **450 /s** | **300 /s** |');
    expect(text).toContain('| **errors** (failed / timed out / non-2xx) | **0** (0 / 0 / 0) | **2** (0 / 2 / 0) |');
    expect(text).toContain('6,000 / 6,000');
    expect(text).toContain('**unauthenticated**');
    expect(text).toContain(': met.');
    expect(text).toContain('| ready after start | 4.2 s (persisted index loaded) | (same process) |');
  });
});
