import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import { createMetrics, type Briefbot } from '../../../src/index.js';
import { resultsAnswer, senatesResult } from '../../fixtures/answers.js';
import { createCaptureLogger } from './capture-logger.js';
import { loadFixture } from './fixtures.js';
import { cardOf, expectReply, postActivity, replyPath, startTeamsServer, type TeamsTestServer } from './harness.js';

const QUESTION = 'what did Dixon say about senates?';
const briefbot: Briefbot = { ask: async () => resultsAnswer([senatesResult], 1) };

describe('Teams: a Bot Connector that hangs', () => {
  let server: TeamsTestServer;
  const log = createCaptureLogger();
  const metrics = createMetrics();

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    // A short deadline stands in for the 10 s default, so the test does not wait for it.
    server = await startTeamsServer(briefbot, { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, log.logger, undefined, { metrics, connectorTimeoutMs: 150 });
  });
  afterEach(() => {
    nock.abortPendingRequests();
    nock.cleanAll();
  });
  afterAll(async () => {
    await server.close();
    nock.enableNetConnect();
  });

  it('abandons the reply and the apology at the deadline, logs both, counts them, and answers the next message', async () => {
    const activity = { ...loadFixture('personal-message.json'), text: QUESTION };
    // Every call to the Connector hangs far past the deadline (the reply, any retry, the apology).
    const hung = nock(new URL(activity.serviceUrl ?? '').origin).post(replyPath(activity)).times(10).delay(60_000).reply(200, { id: 'late' });
    const started = Date.now();
    const response = await postActivity(server, activity);
    expect(response.status).toBe(200);
    // Two deadlines (reply, apology), not the 60 s of the hung Connector.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(log.lines.find((l) => l.event === 'teams_turn_error')).toMatchObject({ code: 'TEAMS_CONNECTOR_FAILED', error: { name: 'TimeoutError' } });
    expect(log.lines.find((l) => l.event === 'teams_apology_failed')).toMatchObject({ code: 'TEAMS_CONNECTOR_FAILED' });
    expect(JSON.stringify(log.lines)).not.toMatch(/\n\s+at /);
    expect((await metrics.render()).body).toContain('briefbot_outbound_failures_total{platform="teams",call="connector"} 2');
    hung.persist(false);
    nock.abortPendingRequests();
    nock.cleanAll();

    const next = { ...activity, id: 'after-the-hang' };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(next, sent);
    expect((await postActivity(server, next)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(JSON.stringify(cardOf(sent[0]))).toContain('Senates should be only advisory');
  }, 30_000);
});
