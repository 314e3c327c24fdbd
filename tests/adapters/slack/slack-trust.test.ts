import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../adapters/serve.js';
import type { ButtonElement, SlackBlock } from '../../../adapters/slack/slack-message.js';
import { formatCitation, openBriefbot, readReports, type BriefbotEngine } from '../../../src/index.js';
import {
  API_ORIGIN,
  BUNDLED_CORPUS,
  buttonPressBody,
  buttonResponseUrl,
  mentionBody,
  postToSlackEvents,
  readApiCall,
  slackEnv,
  slashCommandBody,
  startTestServer,
  waitFor,
} from './slack-harness.js';

const DIXON = 'what did Dixon say about senates?';
const SECRET = 'slack-trust-test-secret-0123';
const PUBLIC_URL = 'https://briefbot.example';

let dir: string;
let server: RunningServer;
let engine: BriefbotEngine;

type AckBody = { text: string; blocks: SlackBlock[] };

function buttons(blocks: SlackBlock[]): ButtonElement[] {
  return blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
}

function hook() {
  const calls: Array<Record<string, unknown>> = [];
  const url = buttonResponseUrl();
  const scope = nock(url.origin)
    .post(url.pathname)
    .reply(200, (_uri, body) => {
      calls.push(readApiCall(body));
      return 'ok';
    });
  return { calls, scope };
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  // A copy of the corpus: reports are written beside it.
  dir = mkdtempSync(path.join(tmpdir(), 'briefbot-slack-trust-'));
  cpSync(BUNDLED_CORPUS, dir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
  engine = await openBriefbot({ corpusDir: dir });
  server = await startTestServer({ corpusDir: dir, env: slackEnv({ BRIEFBOT_LINK_SECRET: SECRET, BRIEFBOT_PUBLIC_URL: PUBLIC_URL }) });
  await server.ready;
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(async () => {
  await server.close();
  nock.enableNetConnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('Slack: In context, Copy citation, Wrong speaker?', () => {
  it('gives every result an "In context" link that opens the quote highlighted in its article', async () => {
    const ack = (await (await postToSlackEvents(server, slashCommandBody(DIXON))).json()) as AckBody;
    const answer = await engine.ask(DIXON);
    expect(answer.kind).toBe('results');
    const context = buttons(ack.blocks).filter((b) => b.text.text === 'In context');
    expect(context).toHaveLength(answer.kind === 'results' ? answer.results.length : -1);
    const first = new URL(context[0]!.url!);
    expect(first.origin).toBe(PUBLIC_URL);
    const page = await fetch(`http://127.0.0.1:${server.port}${first.pathname}${first.search}`);
    expect(page.status).toBe(200);
    const top = answer.kind === 'results' ? answer.results[0]! : null;
    expect(await page.text()).toContain(`<mark id="quote">${top!.text}</mark>`);
  });

  it('acknowledges a press of the "In context" link button and answers nothing', async () => {
    const res = await postToSlackEvents(server, buttonPressBody('briefbot_context_0', ''));
    expect(res.status).toBe(200);
  });

  it('"Copy citation" answers privately with the citation as plain text', async () => {
    const ack = (await (await postToSlackEvents(server, slashCommandBody(DIXON))).json()) as AckBody;
    const cite = buttons(ack.blocks).find((b) => b.action_id === 'briefbot_cite_0')!;
    expect(cite.text.text).toBe('Copy citation');
    const { calls, scope } = hook();
    expect((await postToSlackEvents(server, buttonPressBody(cite.action_id, cite.value!))).status).toBe(200);
    await waitFor(() => scope.isDone(), 5000, 'the citation');
    const answer = await engine.ask(DIXON);
    const citation = formatCitation(answer.kind === 'results' ? answer.results[0]! : (null as never));
    expect(citation).toMatch(/^“Senates should be only advisory .*,” said Michael Dixon, NHS Alliance chair \(NHS Alliance press release, “Clinically-Led Commissioning Must Not Be Set Up To Fail”, 20 June 2011, http:\/\/primarycarereports\.co\.uk\/.*\)\.$/);
    expect(calls[0]).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: citation,
      blocks: [{ type: 'section', text: { type: 'plain_text', text: citation, emoji: false } }],
    });
  });

  /** A `view_submission` of the report modal, built on the button fixture's user and team (no real submission fixture is published). */
  function modalSubmission(view: Record<string, unknown>, comment: string | null): string {
    const press = JSON.parse(decodeURIComponent(buttonPressBody('x', 'y').slice('payload='.length)));
    const payload = {
      type: 'view_submission',
      team: press.team,
      user: press.user,
      api_app_id: press.api_app_id,
      token: press.token,
      trigger_id: '111.333.valid',
      view: { ...view, id: 'V111', team_id: 'T111', state: { values: { comment: { comment_input: { type: 'plain_text_input', value: comment } } } }, hash: '1.abc' },
    };
    return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }

  it('"Wrong speaker?" opens a modal; its submission records the report with the comment; the answer stays the same', async () => {
    const before = await engine.ask(DIXON);
    const ack = (await (await postToSlackEvents(server, slashCommandBody(DIXON))).json()) as AckBody;
    const report = buttons(ack.blocks).find((b) => b.action_id === 'briefbot_report_0')!;
    expect(report.text.text).toBe('Wrong speaker?');
    const opened: Array<Record<string, unknown>> = [];
    const api = nock(API_ORIGIN)
      .post('/api/views.open')
      .reply(200, (_uri, body) => {
        opened.push(readApiCall(body));
        return { ok: true, view: { id: 'V111' } };
      });
    await postToSlackEvents(server, buttonPressBody(report.action_id, report.value!));
    await waitFor(() => api.isDone(), 5000, 'views.open');
    expect(opened[0]!.trigger_id).toBe('111.222.valid');
    const view = typeof opened[0]!.view === 'string' ? JSON.parse(opened[0]!.view) : opened[0]!.view;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'briefbot_report_modal', private_metadata: report.value });
    expect((await readReports(dir)).reports, 'nothing is recorded before the modal is submitted').toEqual([]);

    const res = await postToSlackEvents(server, modalSubmission(view, '  I think this was Hunt  '));
    expect(res.status).toBe(200);
    const closing = (await res.json()) as { response_action: string; view: { blocks: Array<{ text: { text: string } }> } };
    expect(closing.response_action).toBe('update');
    expect(closing.view.blocks[0]!.text.text).toMatch(/^Thanks: reported to the editors\./);
    const { reports } = await readReports(dir);
    expect(reports).toEqual([
      expect.objectContaining({ statementId: JSON.parse(report.value!).id, speaker: 'Michael Dixon', comment: 'I think this was Hunt', reporter: { platform: 'slack', id: 'W111', name: 'primary-owner' } }),
    ]);
    const after = (await (await postToSlackEvents(server, slashCommandBody(DIXON))).json()) as AckBody;
    expect(after.text).toBe(ack.text);
    expect(await engine.ask(DIXON)).toEqual(before);
  });

  it('"Wrong speaker?" still records the report, without a comment, when the modal cannot open', async () => {
    const ack = (await (await postToSlackEvents(server, slashCommandBody(DIXON))).json()) as AckBody;
    const report = buttons(ack.blocks).find((b) => b.action_id === 'briefbot_report_1')!;
    const api = nock(API_ORIGIN).post('/api/views.open').reply(200, { ok: false, error: 'expired_trigger_id' });
    const { calls, scope } = hook();
    const before = (await readReports(dir)).reports.length;
    await postToSlackEvents(server, buttonPressBody(report.action_id, report.value!));
    await waitFor(() => api.isDone() && scope.isDone(), 5000, 'the thanks');
    expect(String(calls[0]!.text)).toMatch(/^Thanks: reported to the editors\./);
    const { reports } = await readReports(dir);
    expect(reports).toHaveLength(before + 1);
    expect(reports.at(-1)).not.toHaveProperty('comment');
  });

  it('refuses a result button value it did not make, with an apology', async () => {
    const { calls, scope } = hook();
    await postToSlackEvents(server, buttonPressBody('briefbot_cite_0', '{"id":""}'));
    await waitFor(() => scope.isDone(), 5000, 'the apology');
    expect(String(calls[0]!.text)).not.toContain('Senates');
  });
});

describe('Slack: follow-ups in a thread', () => {
  it('"and in 2012?" in the thread of a senates answer keeps Dixon and says what carried over', async () => {
    const posted: Array<Record<string, unknown>> = [];
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .times(3)
      .reply(200, (_uri, body) => {
        posted.push(readApiCall(body));
        return { ok: true, ts: '1700000000.000200' };
      });
    await postToSlackEvents(server, mentionBody(DIXON, 'EvFollow1'));
    await waitFor(() => posted.length === 1, 5000, 'the first answer');
    const reply = JSON.parse(mentionBody('and in 2012?', 'EvFollow2'));
    reply.event.ts = '1595926240.000100';
    reply.event.thread_ts = '1595926230.009600';
    await postToSlackEvents(server, JSON.stringify(reply));
    // The same words outside that thread stand alone.
    const elsewhere = JSON.parse(mentionBody('and in 2012?', 'EvFollow3'));
    elsewhere.event.ts = '1595926250.000100';
    await postToSlackEvents(server, JSON.stringify(elsewhere));
    await waitFor(() => scope.isDone(), 5000, 'the follow-up answers');
    const followUp = posted.find((p) => p.thread_ts === '1595926230.009600' && JSON.stringify(p.blocks).includes('2012'))!;
    const searched = JSON.stringify(followUp.blocks);
    expect(searched).toContain('Searched: speaker *Michael Dixon* · dates in 2012 · kept from the previous question: speaker');
    const alone = posted.find((p) => p.thread_ts === '1595926250.000100')!;
    expect(JSON.stringify(alone.blocks)).not.toContain('Michael Dixon* ·');
    expect(JSON.stringify(alone.blocks)).not.toContain('kept from the previous question');
  });
});
