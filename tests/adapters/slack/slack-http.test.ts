import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../adapters/serve.js';
import { APOLOGY } from '../../../adapters/slack/handle-error.js';
import { renderAnswer } from '../../../adapters/slack/render-answer.js';
import type { SlackBlock } from '../../../adapters/slack/slack-message.js';
import { openBriefbot, type BriefbotEngine } from '../../../src/index.js';
import {
  API_ORIGIN,
  BOT_TOKEN,
  BUNDLED_CORPUS,
  buttonPressBody,
  buttonResponseUrl,
  directMessageBody,
  mentionBody,
  postToSlackEvents,
  readApiCall,
  slashCommandBody,
  slashResponseUrl,
  startTestServer,
  waitFor,
} from './slack-harness.js';

const DIXON = 'what did Dixon say about senates?';
const SENATES_QUOTE =
  'Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.';
const SENATES_URL = 'http://primarycarereports.co.uk/clinicallyled_commissioning_must_not_be_set_up_to_fail.html';

let server: RunningServer;
/** A second engine over the same corpus: what the core answers is what Slack must show. */
let engine: BriefbotEngine;

type AckBody = { response_type?: string; text: string; blocks: SlackBlock[] };

function buttons(blocks: SlackBlock[]) {
  return blocks.flatMap((b) => (b.type === 'actions' ? b.elements : b.type === 'section' && b.accessory ? [b.accessory] : []));
}

/** Records each call to a nocked endpoint. */
function recorder() {
  const calls: Array<{ body: Record<string, unknown>; headers: Record<string, string | string[] | undefined> }> = [];
  return {
    calls,
    reply(ok: unknown = { ok: true, ts: '1700000000.000100' }) {
      return function (this: { req: { headers: Record<string, string | string[] | undefined> } }, _uri: string, body: unknown) {
        calls.push({ body: readApiCall(body), headers: this.req.headers });
        return ok as nock.Body;
      };
    },
  };
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  engine = await openBriefbot({ corpusDir: BUNDLED_CORPUS });
  server = await startTestServer();
  await server.ready;
});

afterEach(() => {
  nock.cleanAll();
});

afterAll(async () => {
  await server.close();
  nock.enableNetConnect();
});

describe('the slash command /brief', () => {
  it('answers within 3 s in the ack itself, ephemeral, Dixon’s senates quote first with outlet, date and link', async () => {
    const started = Date.now();
    const res = await postToSlackEvents(server, slashCommandBody(DIXON));
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(elapsed).toBeLessThan(3000);
    const body = (await res.json()) as AckBody;
    expect(body.response_type).toBe('ephemeral');
    const firstResult = body.blocks.find((b) => b.type === 'section');
    expect(firstResult?.type === 'section' && firstResult.text.text).toContain(`>“All practices and GP commissioners need to be involved. *${SENATES_QUOTE}*”\n— *Michael Dixon*`);
    const source = body.blocks[body.blocks.indexOf(firstResult!) + 1];
    const sourceLine = source?.type === 'context' ? source.elements[0]?.text : '';
    expect(sourceLine).toContain('Reported by *NHS Alliance (press release)*');
    expect(sourceLine).toContain(`<${SENATES_URL}|Clinically-Led Commissioning Must Not Be Set Up To Fail>`);
    expect(sourceLine).toContain('20 Jun 2011');
    expect(body.text).toContain(SENATES_QUOTE);
    // The adapter shows exactly the core's answer, rendered.
    const expected = renderAnswer(await engine.ask(DIXON, { limit: 5, offset: 0 }), { question: DIXON, visibility: 'ephemeral' });
    expect(body).toEqual({ response_type: 'ephemeral', ...expected });
  });

  it('rejects a forged signature with 401 and answers nothing', async () => {
    const hook = nock(slashResponseUrl().origin).post(slashResponseUrl().pathname).reply(200);
    const res = await postToSlackEvents(server, slashCommandBody(DIXON), { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hook.isDone()).toBe(false);
  });

  it('rejects a correctly signed but stale request (10 minutes old) with 401', async () => {
    const res = await postToSlackEvents(server, slashCommandBody(DIXON), { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(res.status).toBe(401);
  });

  it.each(['', 'help', '  HELP '])('shows help for "%s"', async (text) => {
    const res = await postToSlackEvents(server, slashCommandBody(text));
    const body = (await res.json()) as AckBody;
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0]?.type).toBe('header');
    const expected = renderAnswer(await engine.ask('help'), { question: text.trim(), visibility: 'ephemeral' });
    expect(body.blocks).toEqual(expected.blocks);
  });

  it('says plainly when nothing is found, with what was searched', async () => {
    const question = 'what was said about xylophones?';
    const answer = await engine.ask(question, { limit: 5, offset: 0 });
    expect(answer.kind).toBe('nothing');
    const res = await postToSlackEvents(server, slashCommandBody(question));
    const body = (await res.json()) as AckBody;
    expect(body).toEqual({ response_type: 'ephemeral', ...renderAnswer(answer, { question, visibility: 'ephemeral' }) });
    expect(JSON.stringify(body)).toContain('Searched:');
    expect(JSON.stringify(body)).not.toContain('Reported by');
  });

  it('answers a 10,000-character question within 3 s and inside Block Kit limits', async () => {
    const question = `what did Dixon say about ${'senates and commissioning '.repeat(385)}`.slice(0, 10_000);
    expect(question).toHaveLength(10_000);
    const started = Date.now();
    const res = await postToSlackEvents(server, slashCommandBody(question));
    expect(Date.now() - started).toBeLessThan(3000);
    const body = (await res.json()) as AckBody;
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks.length).toBeGreaterThan(0);
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    for (const block of body.blocks) if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
    for (const button of buttons(body.blocks)) expect((button.value ?? '').length).toBeLessThanOrEqual(2000);
    const expected = renderAnswer(await engine.ask(question, { limit: 5, offset: 0 }), { question, visibility: 'ephemeral' });
    expect(body.blocks).toEqual(expected.blocks);
  });
});

describe('buttons', () => {
  it('"Share in channel" posts that one result visibly through response_url, saying who shared it', async () => {
    const ack = (await (await postToSlackEvents(server, slashCommandBody(DIXON))).json()) as AckBody;
    const share = buttons(ack.blocks).find((b) => b.action_id === 'briefbot_share_0');
    expect(share?.text.text).toBe('Share in channel');
    const hook = recorder();
    const scope = nock(buttonResponseUrl().origin).post(buttonResponseUrl().pathname).reply(200, hook.reply('ok'));
    const res = await postToSlackEvents(server, buttonPressBody(share!.action_id, share!.value!));
    expect(res.status).toBe(200);
    await waitFor(() => scope.isDone(), 5000, 'the shared message');
    const posted = hook.calls[0]!.body;
    expect(posted.response_type).toBe('in_channel');
    expect(posted.replace_original).toBe(false);
    const json = JSON.stringify(posted.blocks);
    expect(json).toContain(SENATES_QUOTE);
    expect(json).toContain('Shared by <@W111> from Briefbot');
    expect(json).not.toContain('Share in channel');
  });

  it('"More results" brings the next page under an ephemeral answer', async () => {
    const question = 'what did Dixon say?';
    const ack = (await (await postToSlackEvents(server, slashCommandBody(question))).json()) as AckBody;
    const more = buttons(ack.blocks).find((b) => b.action_id === 'briefbot_more');
    expect(more, 'Dixon is quoted more than five times in the bundled corpus').toBeDefined();
    const hook = recorder();
    const scope = nock(buttonResponseUrl().origin).post(buttonResponseUrl().pathname).reply(200, hook.reply('ok'));
    await postToSlackEvents(server, buttonPressBody('briefbot_more', more!.value!));
    await waitFor(() => scope.isDone(), 5000, 'the next page');
    const expected = renderAnswer(await engine.ask(question, { offset: 5, limit: 5 }), { question, visibility: 'ephemeral' });
    expect(hook.calls[0]!.body).toEqual({ response_type: 'ephemeral', replace_original: false, ...expected });
  });

  it('"More results" on an answer in a thread posts the next page in that thread', async () => {
    const question = 'what did Dixon say?';
    const value = JSON.stringify({ q: question, o: 5, l: 5 });
    const api = recorder();
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, api.reply());
    const body = buttonPressBody('briefbot_more', value, { is_ephemeral: false }, { ts: '1595926231.000100', thread_ts: '1595926230.009600' });
    await postToSlackEvents(server, body);
    await waitFor(() => scope.isDone(), 5000, 'chat.postMessage');
    const expected = renderAnswer(await engine.ask(question, { offset: 5, limit: 5 }), { question, visibility: 'visible' });
    expect(api.calls[0]!.body).toMatchObject({ channel: 'C111', thread_ts: '1595926230.009600', text: expected.text, blocks: expected.blocks });
  });

  it('refuses a button value it did not make, with an apology and no answer', async () => {
    const hook = recorder();
    const scope = nock(buttonResponseUrl().origin).post(buttonResponseUrl().pathname).reply(200, hook.reply('ok'));
    const res = await postToSlackEvents(server, buttonPressBody('briefbot_more', '{"q":"x","o":-4}'));
    expect(res.status).toBe(200);
    await waitFor(() => scope.isDone(), 5000, 'the apology');
    expect(hook.calls[0]!.body).toEqual({ response_type: 'ephemeral', replace_original: false, text: APOLOGY });
  });
});

describe('mentions and direct messages', () => {
  it('answers @Briefbot in a thread under the question, with the bot token', async () => {
    const api = recorder();
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, api.reply());
    const res = await postToSlackEvents(server, mentionBody(DIXON, 'EvMention1'));
    expect(res.status).toBe(200);
    await waitFor(() => scope.isDone(), 5000, 'chat.postMessage');
    const call = api.calls[0]!;
    expect(call.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const expected = renderAnswer(await engine.ask(DIXON, { limit: 5, offset: 0 }), { question: DIXON, visibility: 'visible' });
    expect(call.body).toMatchObject({ channel: 'C111', thread_ts: '1595926230.009600', text: expected.text, blocks: expected.blocks });
    expect(call.body).not.toHaveProperty('link_names');
    expect(call.body).not.toHaveProperty('parse');
    expect(JSON.stringify(call.body.blocks)).not.toContain('Share in channel');
  });

  it('answers a mention made inside a thread in that same thread', async () => {
    const api = recorder();
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, api.reply());
    const body = JSON.parse(mentionBody(DIXON, 'EvInThread'));
    body.event.thread_ts = '1595926000.000001';
    await postToSlackEvents(server, JSON.stringify(body));
    await waitFor(() => scope.isDone(), 5000, 'chat.postMessage');
    expect(api.calls[0]!.body).toMatchObject({ channel: 'C111', thread_ts: '1595926000.000001' });
  });

  it('answers a direct message in the conversation, and ignores bots and edits', async () => {
    const api = recorder();
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, api.reply());
    await postToSlackEvents(server, directMessageBody('from bot', 'EvBot', { bot_id: 'B999', subtype: 'bot_message' }));
    await postToSlackEvents(server, directMessageBody('edited', 'EvEdit', { subtype: 'message_changed' }));
    await postToSlackEvents(server, directMessageBody(DIXON, 'EvDm1'));
    await waitFor(() => scope.isDone(), 5000, 'chat.postMessage');
    expect(api.calls).toHaveLength(1);
    const expected = renderAnswer(await engine.ask(DIXON, { limit: 5, offset: 0 }), { question: DIXON, visibility: 'visible' });
    expect(api.calls[0]!.body).toMatchObject({ channel: 'D111', text: expected.text, blocks: expected.blocks });
    expect(api.calls[0]!.body).not.toHaveProperty('thread_ts');
  });

  it('answers an event Slack redelivers (X-Slack-Retry-Num) only once', async () => {
    const api = recorder();
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').times(2).reply(200, api.reply());
    const body = mentionBody(DIXON, 'EvRedelivered');
    expect((await postToSlackEvents(server, body)).status).toBe(200);
    const retry = await postToSlackEvents(server, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await waitFor(() => api.calls.length === 1, 5000, 'the first answer');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.calls).toHaveLength(1);
    expect(scope.pendingMocks()).toHaveLength(1);
  });
});

describe('when the Slack API fails', () => {
  it('survives HTTP 500 from chat.postMessage: logs, apologises, keeps serving', async () => {
    const api = recorder();
    const failing = nock(API_ORIGIN).post('/api/chat.postMessage').times(2).reply(500, 'upstream exploded: secret stack');
    const apology = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, api.reply());
    await postToSlackEvents(server, mentionBody(DIXON, 'EvFail500'));
    await waitFor(() => failing.isDone() && apology.isDone() && api.calls.length > 0, 5000, 'the apology');
    expect(api.calls[0]!.body).toMatchObject({ channel: 'C111', thread_ts: '1595926230.009600', text: APOLOGY });
    expect(JSON.stringify(api.calls[0]!.body)).not.toContain('exploded');
    // Still serving.
    const res = await postToSlackEvents(server, slashCommandBody(DIXON));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(SENATES_QUOTE);
  });

  it('posts the text alone when Slack refuses the blocks (invalid_blocks)', async () => {
    const api = recorder();
    const refused = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: false, error: 'invalid_blocks' });
    const plain = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, api.reply());
    await postToSlackEvents(server, mentionBody(DIXON, 'EvInvalidBlocks'));
    await waitFor(() => refused.isDone() && plain.isDone() && api.calls.length > 0, 5000, 'the text-only answer');
    expect(api.calls[0]!.body).not.toHaveProperty('blocks');
    expect(api.calls[0]!.body).toMatchObject({ channel: 'C111', thread_ts: '1595926230.009600' });
    expect(String(api.calls[0]!.body.text)).toContain(SENATES_QUOTE);
  });

  it('waits out `ratelimited` (429 with Retry-After) and then answers once', async () => {
    const api = recorder();
    const limited = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
    const ok = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, api.reply());
    const started = Date.now();
    await postToSlackEvents(server, mentionBody(DIXON, 'EvRateLimited'));
    await waitFor(() => limited.isDone() && ok.isDone() && api.calls.length > 0, 8000, 'the answer after the rate limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(api.calls).toHaveLength(1);
    expect(JSON.stringify(api.calls[0]!.body.blocks)).toContain(SENATES_QUOTE);
  });
});
