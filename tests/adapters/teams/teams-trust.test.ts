import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningServer } from '../../../adapters/serve.js';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import { createSilentLogger, formatCitation, openBriefbot, readReports, type BriefbotEngine } from '../../../src/index.js';
import { loadFixture } from './fixtures.js';
import { cardActions, cardOf, cardTexts, expectReply, postActivity, type TeamsTestServer } from './harness.js';
import { validateAdaptiveCard } from './validate-card.js';

const DIXON = 'what did Dixon say about senates?';
const PUBLIC_URL = 'https://briefbot.example';
const CORPUS = path.resolve('corpus');

describe('Teams: In context, Copy citation, Wrong speaker?, follow-ups', () => {
  let dir: string;
  let running: RunningServer;
  let server: TeamsTestServer;
  let engine: BriefbotEngine;
  let n = 0;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    dir = mkdtempSync(path.join(tmpdir(), 'briefbot-teams-trust-'));
    cpSync(CORPUS, dir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
    engine = await openBriefbot({ corpusDir: dir });
    running = await startServe({
      corpusDir: dir,
      port: 0,
      host: '127.0.0.1',
      env: { TEAMS_ALLOW_UNAUTHENTICATED: 'true', BRIEFBOT_LINK_SECRET: 'teams-trust-secret-0123456', BRIEFBOT_PUBLIC_URL: PUBLIC_URL },
      logger: createSilentLogger(),
    });
    await running.ready;
    server = { url: `http://127.0.0.1:${running.port}`, close: () => running.close() };
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(async () => {
    await running.close();
    nock.enableNetConnect();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A personal message (text or a card submit's value) in conversation `conversationId`, and the one reply it gets. */
  async function send(fields: Partial<Activity>, conversationId?: string): Promise<Partial<Activity>> {
    const base = loadFixture('personal-message.json');
    const activity: Partial<Activity> = { ...base, id: `trust-${++n}`, ...fields };
    if (conversationId) activity.conversation = { ...base.conversation!, id: conversationId };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(sent).toHaveLength(1);
    return sent[0]!;
  }

  it('puts "In context", "Copy citation" and "Wrong speaker?" under each result, in a valid card', async () => {
    const reply = await send({ text: DIXON });
    const card = cardOf(reply);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const context = cardActions(card, 'Action.OpenUrl').filter((a) => a.title === 'In context');
    expect(context.length).toBe(2);
    const link = new URL(String(context[0]!.url));
    expect(link.origin).toBe(PUBLIC_URL);
    const page = await fetch(`${server.url}${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<mark id="quote">Senates should be only advisory');
    expect(cardActions(card, 'Action.Submit').filter((a) => a.title === 'Copy citation')).toHaveLength(2);
    expect(cardActions(card, 'Action.ShowCard').map((a) => a.title)).toEqual(['Wrong speaker?', 'Wrong speaker?']);
  });

  it('"Copy citation" replies with the citation as plain text', async () => {
    const card = cardOf(await send({ text: DIXON }));
    const data = cardActions(card, 'Action.Submit').find((a) => a.title === 'Copy citation')!.data as Record<string, unknown>;
    const reply = await send({ text: '', value: { ...data, briefbot_comment_0: '', briefbot_comment_1: '' } });
    const answer = await engine.ask(DIXON);
    expect(reply).toMatchObject({ type: 'message', textFormat: 'plain', text: formatCitation(answer.kind === 'results' ? answer.results[0]! : (null as never)) });
    expect(reply.text).toMatch(/^“Senates should be only advisory .*,” said Michael Dixon, NHS Alliance chair \(NHS Alliance press release, /);
  });

  it('"Wrong speaker?" with a comment records a report and says the answer stays as it is', async () => {
    const card = cardOf(await send({ text: DIXON }));
    const report = cardActions(card, 'Action.Submit').filter((a) => a.title === 'Report');
    expect(report).toHaveLength(2);
    const data = report[1]!.data as Record<string, unknown>;
    // A submit carries every input of the card: only this result's comment box is read.
    const reply = await send({ text: '', value: { ...data, briefbot_comment_0: 'not this one', briefbot_comment_1: '  Sounds like Hunt  ' } });
    expect(reply.text).toMatch(/^Thanks: reported to the editors\./);
    const { reports } = await readReports(dir);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ statementId: data.id, comment: 'Sounds like Hunt', reporter: { platform: 'teams' } });
    const again = cardOf(await send({ text: DIXON }));
    expect(cardTexts(again)).toEqual(cardTexts(card));
  });

  it('"and in 2012?" in the same conversation keeps Dixon; in another conversation it stands alone', async () => {
    await send({ text: DIXON }, 'a:conversation-one');
    const followUp = cardTexts(cardOf(await send({ text: 'and in 2012?' }, 'a:conversation-one')));
    expect(followUp[0]).toMatch(/^Searched: quotes by Michael Dixon, in 2012, kept from the previous question: speaker\./);
    const alone = cardTexts(cardOf(await send({ text: 'and in 2012?' }, 'a:conversation-two')));
    expect(alone[0]).toMatch(/^Searched: quotes, in 2012\./);
  });
});
