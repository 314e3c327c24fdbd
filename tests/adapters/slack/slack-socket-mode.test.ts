import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../adapters/slack/create-slack-app.js';
import { renderAnswer } from '../../../adapters/slack/render-answer.js';
import { createSilentLogger, openBriefbot, type BriefbotEngine } from '../../../src/index.js';
import { API_ORIGIN, API_URL, BUNDLED_CORPUS, readApiCall, socketModeRedelivery, waitFor } from './slack-harness.js';

let engine: BriefbotEngine;

/** A Socket Mode app (not connected: the envelopes are handed to Bolt as its receiver would). */
function createSocketModeApp() {
  return createSlackApp({
    config: { mode: 'socket', botToken: 'xoxb-test-socket', appToken: 'xapp-1-A111-test', apiUrl: API_URL },
    identity: { botId: 'B111', botUserId: 'U111' },
    briefbot: engine,
    logger: createSilentLogger(),
    retryConfig: { retries: 0 },
  });
}

/** Delivers a Socket Mode envelope's payload the way SocketModeReceiver does. */
async function deliver(app: ReturnType<typeof createSocketModeApp>['app'], envelope: ReturnType<typeof socketModeRedelivery>, retry: boolean) {
  await app.processEvent({
    body: envelope.payload,
    ack: async () => undefined,
    ...(retry ? { retryNum: envelope.retry_attempt, retryReason: envelope.retry_reason } : {}),
  });
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  engine = await openBriefbot({ corpusDir: BUNDLED_CORPUS });
});

afterEach(() => {
  nock.cleanAll();
});

describe('Socket Mode redelivery (retry_attempt)', () => {
  it('answers an event once when Slack redelivers it', async () => {
    const posted: Array<Record<string, unknown>> = [];
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .times(2)
      .reply(200, (_uri, body) => {
        posted.push(readApiCall(body));
        return { ok: true, ts: '1.1' };
      });
    const slack = createSocketModeApp();
    expect(slack.routes).toEqual([]);
    const envelope = socketModeRedelivery();
    await deliver(slack.app, envelope, false);
    await deliver(slack.app, envelope, true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posted).toHaveLength(1);
    expect(scope.pendingMocks()).toHaveLength(1);
    // The envelope's text is only the bot's mention: an empty question, answered with help, in the thread.
    const help = renderAnswer(await engine.ask('help'), { question: '', visibility: 'visible' });
    expect(posted[0]).toMatchObject({ channel: 'C111', thread_ts: '1610241741.000200', blocks: help.blocks });
  });

  it('still answers a redelivery whose first delivery never arrived', async () => {
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: true, ts: '1.1' });
    const slack = createSocketModeApp();
    await deliver(slack.app, socketModeRedelivery(), true);
    await waitFor(() => scope.isDone(), 3000, 'chat.postMessage');
  });
});
