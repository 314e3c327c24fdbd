import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import { createMemoryRateLimiter, slowDownMessage, type Briefbot } from '../../../src/index.js';
import { helpAnswer, resultsAnswer, senatesResult } from '../../fixtures/answers.js';
import { loadFixture } from './fixtures.js';
import { expectReply, postActivity, startTeamsServer, type TeamsTestServer } from './harness.js';

describe('Teams rate limit (per user, injected clock)', () => {
  let server: TeamsTestServer;
  let asked = 0;
  const t = 0; // the clock stands still: nothing refills during the test
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    const briefbot: Briefbot = {
      ask: async (question) => {
        asked++;
        return question === 'help' ? helpAnswer : resultsAnswer([senatesResult], 1);
      },
    };
    server = await startTeamsServer(briefbot, { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, undefined, createMemoryRateLimiter({ burst: 2, perMinute: 2 }, () => t));
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
  });

  it('answers a user’s messages up to the burst, then replies in plain text to slow down, without asking the core', async () => {
    const activity = { ...loadFixture('personal-message.json'), text: 'what did Dixon say about senates?' };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent, 200, 3);
    for (let i = 0; i < 3; i++) expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(asked).toBe(2);
    expect(sent[2]).toMatchObject({ type: 'message', text: slowDownMessage(30), textFormat: 'plain' });
    expect(sent[2]?.attachments ?? []).toEqual([]);
  });
});
