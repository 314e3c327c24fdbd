import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import type { Answer, AskOptions, Briefbot } from '../../../src/index.js';
import { helpAnswer, resultsAnswer, SENATES_QUOTE, senatesResult } from '../../fixtures/answers.js';
import { asBotMentioned, loadFixture } from './fixtures.js';
import { cardActions, cardOf, cardTexts, expectReply, postActivity, replyPath, startTeamsServer, type TeamsTestServer } from './harness.js';
import { validateAdaptiveCard } from './validate-card.js';
import { createCaptureLogger } from './capture-logger.js';

/** A core that records what it was asked and answers from `answerFor`: the handler's contract with the core. */
function createRecordingBriefbot(answerFor: (question: string) => Answer) {
  const asked: Array<{ question: string; options: AskOptions | undefined }> = [];
  const briefbot: Briefbot = {
    ask: async (question, options) => {
      asked.push({ question, options });
      return answerFor(question);
    },
  };
  return { briefbot, asked };
}

const QUESTION = 'what did Dixon say about senates?';

describe('Teams bot over HTTP (recording core)', () => {
  let server: TeamsTestServer;
  let core: ReturnType<typeof createRecordingBriefbot>;
  let failNext: Error | undefined;
  const log = createCaptureLogger();

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    core = createRecordingBriefbot((question) => {
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        throw error;
      }
      return question === 'help' ? helpAnswer : resultsAnswer([senatesResult], 12);
    });
    server = await startTeamsServer(core.briefbot, { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, log.logger);
  });
  beforeEach(() => {
    core.asked.length = 0;
    log.lines.length = 0;
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(async () => {
    await server.close();
    nock.enableNetConnect();
  });

  it('answers a personal message with a card replying to that message', async () => {
    const activity = { ...loadFixture('personal-message.json'), text: QUESTION };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    const response = await postActivity(server, activity);
    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(core.asked).toEqual([{ question: QUESTION, options: { limit: 5, offset: 0, conversation: `teams:${activity.conversation?.id}` } }]);
    const reply = sent[0];
    expect(reply?.type).toBe('message');
    expect(reply?.replyToId).toBe(activity.id);
    expect(reply?.textFormat).toBe('plain');
    expect(reply?.text).toBe('Showing 1–1 of 12 quotes by Michael Dixon about "senates".');
    expect(cardOf(reply).fallbackText).toContain(SENATES_QUOTE);
    expect(validateAdaptiveCard(cardOf(reply))).toEqual([]);
    expect(cardTexts(cardOf(reply))).toContain(`“${SENATES_QUOTE}”`);
    // The question appears in the logs at debug level only.
    const answered = log.lines.find((l) => l.event === 'teams_answered');
    expect(answered).toMatchObject({ platform: 'teams', kind: 'results', level: 30 });
    expect(typeof answered?.durationMs).toBe('number');
    expect(log.lines.filter((l) => JSON.stringify(l).includes(QUESTION)).map((l) => l.level)).toEqual([20]);
  });

  it('answers a channel message that mentions the bot, without the mention (real capture)', async () => {
    const activity = { ...loadFixture('channel-message-bot-mention.json'), text: `\r\n<at>ridotest</at> ${QUESTION}\r\n` };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(core.asked.map((a) => a.question)).toEqual([QUESTION]);
    // The conversation id has ";messageid=": it must arrive URL-encoded in the reply path.
    expect(replyPath(activity)).toContain('%3Bmessageid%3D1759881511856');
  });

  it('answers a channel mention whose entity text does not match the message text', async () => {
    const activity = asBotMentioned(loadFixture('channel-message-user-mention-docs.json'), `<at>Pranav Smith</at> ${QUESTION}`);
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(core.asked.map((a) => a.question)).toEqual([QUESTION]);
  });

  it('stays quiet in a channel when the bot is not mentioned', async () => {
    const fixture = loadFixture('channel-message-user-mention-docs.json');
    const activity = { ...fixture, conversation: { ...fixture.conversation, conversationType: 'channel', isGroup: true } };
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(core.asked).toEqual([]);
  });

  it('welcomes a team it is added to, with example questions', async () => {
    const activity = loadFixture('conversation-update-bot-added-to-team.json');
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(core.asked.map((a) => a.question)).toEqual(['help']);
    const card = cardOf(sent[0]);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(cardTexts(card)[0]).toBe("Hi, I'm Briefbot.");
    expect(cardActions(card, 'Action.Submit').map((a) => (a.data as { question: string }).question)).toEqual(helpAnswer.examples);
  });

  it('welcomes a personal chat it is added to, and not a user joining', async () => {
    const fixture = loadFixture('conversation-update-bot-added-personal.json');
    // The docs payload has placeholders: the bot is the "28:" member added.
    const activity = { ...fixture, recipient: { id: fixture.membersAdded?.[0]?.id ?? '', name: 'Briefbot' } };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(core.asked.map((a) => a.question)).toEqual(['help']);

    core.asked.length = 0;
    const userJoined = { ...fixture, membersAdded: [{ id: '29:someone-else' }] };
    expect((await postActivity(server, userJoined)).status).toBe(200);
    expect(core.asked).toEqual([]);
  });

  it('answers a card submit (a message with value and no text) with the page the button names', async () => {
    const fixture = loadFixture('personal-message.json');
    const activity = { ...fixture, text: undefined, value: { action: 'briefbot.ask', question: QUESTION, offset: 5 } };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(core.asked).toEqual([{ question: QUESTION, options: { limit: 5, offset: 5, conversation: `teams:${activity.conversation?.id}` } }]);
    expect(validateAdaptiveCard(cardOf(sent[0]))).toEqual([]);
  });

  it('says it does not know a button whose data is not ours, without asking the core', async () => {
    const activity = { ...loadFixture('personal-message.json'), text: '', value: { feedback: 'test invokes' } };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(core.asked).toEqual([]);
    expect(sent[0]?.text).toMatch(/^That button is not one I know/);
  });

  it('answers an adaptiveCard/action invoke with the next page as the updated card', async () => {
    const fixture = loadFixture('invoke-adaptive-card-action-personal.json');
    const value = fixture.value as { action: Record<string, unknown> };
    const activity = { ...fixture, value: { ...value, action: { ...value.action, data: { question: QUESTION, offset: 5 } } } };
    const response = await postActivity(server, activity);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(validateAdaptiveCard(body.value)).toEqual([]);
    expect(core.asked).toEqual([{ question: QUESTION, options: { limit: 5, offset: 5, conversation: `teams:${activity.conversation?.id}` } }]);
  });

  it("refuses the fixture's own invoke data (not ours) with an error invoke response", async () => {
    const response = await postActivity(server, loadFixture('invoke-adaptive-card-action-personal.json'));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { type: string };
    expect(body.type).toBe('application/vnd.microsoft.error');
    expect(core.asked).toEqual([]);
  });

  it('survives a Connector failure (HTTP 500): the SDK retries, then the bot apologises and answers the next message', async () => {
    const activity = { ...loadFixture('personal-message.json'), text: QUESTION };
    const attempts: Array<Partial<Activity>> = [];
    // The SDK's HTTP pipeline retries a 5xx three times with exponential backoff (about 3.5 to 7 s) before giving up.
    const failing = expectReply(activity, attempts, 500, 4);
    const apologised: Array<Partial<Activity>> = [];
    const apology = expectReply(activity, apologised);
    const response = await postActivity(server, activity);
    expect(response.status).toBe(200);
    expect(failing.isDone()).toBe(true);
    expect(apology.isDone()).toBe(true);
    expect(attempts).toHaveLength(4);
    expect(attempts.every((a) => cardTexts(cardOf(a)).includes(`“${SENATES_QUOTE}”`))).toBe(true);
    expect(apologised[0]?.text).toBe('Sorry, something went wrong while answering. Please try again in a moment.');
    expect(log.lines.find((l) => l.event === 'teams_turn_error')).toMatchObject({ code: 'TEAMS_CONNECTOR_FAILED', level: 50 });

    const apologyActivity = { ...activity, id: 'second-message' };
    const sent: Array<Partial<Activity>> = [];
    const next = expectReply(apologyActivity, sent);
    expect((await postActivity(server, apologyActivity)).status).toBe(200);
    expect(next.isDone()).toBe(true);
    expect(cardTexts(cardOf(sent[0]))).toContain(`“${SENATES_QUOTE}”`);
  }, 30_000);

  it('apologises without the exception message when the core fails', async () => {
    failNext = new Error('index file /secret/path is corrupt');
    const activity = { ...loadFixture('personal-message.json'), text: QUESTION };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(sent[0]?.text).toBe('Sorry, something went wrong while answering. Please try again in a moment.');
    expect(JSON.stringify(sent[0])).not.toContain('corrupt');
    expect(log.lines.find((l) => l.event === 'teams_turn_error')).toMatchObject({ code: 'TEAMS_TURN_FAILED' });
  });

  it('refuses bad JSON with 400 and an oversized body with 413', async () => {
    expect((await postActivity(server, '{"type": "message",')).status).toBe(400);
    expect((await postActivity(server, '[1, 2]')).status).toBe(400);
    const huge = JSON.stringify({ ...loadFixture('personal-message.json'), text: 'x'.repeat(300 * 1024) });
    expect((await postActivity(server, huge)).status).toBe(413);
    expect(core.asked).toEqual([]);
  });
});
