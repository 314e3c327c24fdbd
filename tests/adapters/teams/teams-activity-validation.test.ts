import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import type { Briefbot } from '../../../src/index.js';
import { resultsAnswer, senatesResult } from '../../fixtures/answers.js';
import { createCaptureLogger } from './capture-logger.js';
import { loadFixture } from './fixtures.js';
import { expectReply, postActivity, startTeamsServer, type TeamsTestServer } from './harness.js';

const QUESTION = 'what did Dixon say about senates?';

/** The personal-message fixture with one change: a field removed (undefined) or replaced. */
function broken(change: Record<string, unknown>): Record<string, unknown> {
  const activity: Record<string, unknown> = { ...loadFixture('personal-message.json'), text: QUESTION, ...change };
  for (const [key, value] of Object.entries(change)) if (value === undefined) delete activity[key];
  return activity;
}

describe('Teams activities checked with zod before the handler', () => {
  let server: TeamsTestServer;
  const log = createCaptureLogger();
  const asked: string[] = [];
  const briefbot: Briefbot = {
    ask: async (question) => {
      asked.push(question);
      return resultsAnswer([senatesResult], 1);
    },
  };

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    server = await startTeamsServer(briefbot, { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, log.logger);
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    await server.close();
    nock.enableNetConnect();
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['no type', { type: undefined }, 'type'],
    ['a numeric type', { type: 7 }, 'type'],
    ['no serviceUrl', { serviceUrl: undefined }, 'serviceUrl'],
    ['a serviceUrl that is no http(s) address', { serviceUrl: 'file:///etc/passwd' }, 'serviceUrl'],
    ['no conversation', { conversation: undefined }, 'conversation'],
    ['a numeric conversation id', { conversation: { id: 42 } }, 'conversation.id'],
    ['a string for from', { from: 'Megan' }, 'from'],
    ['no recipient', { recipient: undefined }, 'recipient'],
    ['a numeric text', { text: 12345 }, 'text'],
    ['entities that are not a list', { entities: { type: 'mention' } }, 'entities'],
    ['a mention entity without a type', { entities: [{ mentioned: { id: 'x' } }] }, 'entities.0.type'],
    ['no channelId', { channelId: undefined }, 'channelId'],
  ];

  it.each(cases)('refuses an activity with %s: 400 naming the field, at once, the core never asked, no stack in the log', async (_what, change, field) => {
    log.lines.length = 0;
    asked.length = 0;
    const started = Date.now();
    const response = await postActivity(server, broken(change));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(new RegExp(`^not a valid activity: ${field.replace('.', '\\.')}: `));
    expect(asked).toEqual([]);
    expect(log.lines.find((l) => l.event === 'teams_bad_activity')).toMatchObject({ level: 40, fields: expect.arrayContaining([field]) });
    const logged = JSON.stringify(log.lines);
    expect(logged).not.toMatch(/\\n\s+at |TypeError|Cannot read/);
    expect(logged).not.toContain('Megan');
  });

  it('still answers a well-formed activity, fields it does not know about included', async () => {
    const activity = { ...loadFixture('personal-message.json'), text: QUESTION, someFutureField: { nested: [1, 2] } } as Partial<Activity>;
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(asked).toEqual([QUESTION]);
  });
});
