import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import { startServe, type RunningServer } from '../../../adapters/serve.js';
import { MoreResultsDataSchema } from '../../../adapters/teams/more-results.js';
import { createSilentLogger } from '../../../src/index.js';
import { asBotMentioned, loadFixture } from './fixtures.js';
import { cardActions, cardOf, cardTexts, expectReply, postActivity, type TeamsTestServer } from './harness.js';
import { validateAdaptiveCard } from './validate-card.js';

/**
 * `briefbot serve` as a user starts it for local testing: the bundled corpus, the real core, Teams
 * unauthenticated on loopback. nock plays the Bot Connector at each activity's serviceUrl.
 */
const SENATES_QUOTE =
  'Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.';
/** The senates quote within its whole quotation, the matching sentence in bold, as the card shows it. */
const SENATES_PASSAGE = `“All practices and GP commissioners need to be involved. **${SENATES_QUOTE}**”`;
const SENATES_URL = 'http://primarycarereports.co.uk/clinicallyled_commissioning_must_not_be_set_up_to_fail.html';

describe('Teams through briefbot serve and the real core', () => {
  let running: RunningServer;
  let server: TeamsTestServer;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    running = await startServe({
      corpusDir: 'corpus',
      port: 0,
      host: '127.0.0.1',
      env: { TEAMS_ALLOW_UNAUTHENTICATED: 'true' },
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
  });

  /** Posts `activity`, expects one reply at its serviceUrl and returns it. */
  async function ask(activity: Partial<Activity>): Promise<Partial<Activity>> {
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    const response = await postActivity(server, activity);
    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(sent).toHaveLength(1);
    const reply = sent[0] ?? {};
    expect(validateAdaptiveCard(cardOf(reply))).toEqual([]);
    return reply;
  }

  it('reports Teams on in /healthz', async () => {
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { platforms: Record<string, boolean> };
    expect(health.platforms.teams).toBe(true);
  });

  it("answers a personal message with Dixon's senates quote first: NHS Alliance, 20 Jun 2011, and its link", async () => {
    const reply = await ask({ ...loadFixture('personal-message.json'), text: 'what did Dixon say about senates?' });
    const card = cardOf(reply);
    const texts = cardTexts(card);
    // The first quote is the first Container with style "emphasis" (direct speech).
    const firstQuote = texts.find((t) => t.startsWith('“'));
    expect(firstQuote).toBe(SENATES_PASSAGE);
    const firstSource = texts.find((t) => t.includes('·'));
    expect(firstSource).toMatch(/^NHS Alliance .*· 20 Jun 2011$/);
    expect(cardActions(card, 'Action.OpenUrl')[0]?.url).toBe(SENATES_URL);
    expect(texts.some((t) => t.startsWith('— Michael Dixon'))).toBe(true);
    expect(reply.text).toMatch(/^Showing 1–\d+ of \d+ quotes by Michael Dixon about "senates"\.$/);
    expect(cardOf(reply).fallbackText).toContain(SENATES_QUOTE);
    expect(cardOf(reply).fallbackText).toContain(SENATES_URL);
  });

  it('answers a channel mention whose entity text does not match the message text', async () => {
    const activity = asBotMentioned(loadFixture('channel-message-user-mention-docs.json'), '<at>Pranav Smith</at> what did Dixon say about senates?');
    const reply = await ask(activity);
    expect(cardTexts(cardOf(reply)).find((t) => t.startsWith('“'))).toBe(SENATES_PASSAGE);
  });

  it('answers a mention in the real channel capture', async () => {
    const reply = await ask({ ...loadFixture('channel-message-bot-mention.json'), text: '<at>ridotest</at> Dixon on senates' });
    expect(cardTexts(cardOf(reply)).find((t) => t.startsWith('“'))).toBe(SENATES_PASSAGE);
  });

  it("welcomes a team with the core's example questions", async () => {
    const reply = await ask(loadFixture('conversation-update-bot-added-to-team.json'));
    const card = cardOf(reply);
    expect(cardTexts(card)[0]).toBe("Hi, I'm Briefbot.");
    expect(cardActions(card, 'Action.Submit').length).toBeGreaterThan(0);
  });

  it('answers help with the commands', async () => {
    const reply = await ask({ ...loadFixture('personal-message.json'), text: 'help' });
    const facts = JSON.stringify(cardOf(reply));
    for (const command of ['help', 'sources', 'speakers']) expect(facts).toContain(`"title":"${command}"`);
  });

  it('pages with "More results": the button data, posted back as a card submit, brings the next quotes', async () => {
    const first = await ask({ ...loadFixture('personal-message.json'), text: 'what did Dixon say?' });
    const button = cardActions(cardOf(first), 'Action.Submit').find((a) => a.title === 'More results');
    expect(button).toBeDefined();
    const data = MoreResultsDataSchema.parse(button?.data);
    expect(data).toEqual({ question: 'what did Dixon say?', offset: 5 });

    const submit = { ...loadFixture('personal-message.json'), id: '1485983408512', text: undefined, value: button?.data };
    const second = await ask(submit);
    const quotesOf = (reply: Partial<Activity>) => cardTexts(cardOf(reply)).filter((t) => t.startsWith('“') || t.startsWith('Reported'));
    expect(cardTexts(cardOf(second))[0]).toMatch(/Showing 6–/);
    const firstPage = new Set(quotesOf(first));
    expect(quotesOf(second).filter((q) => q.startsWith('“')).some((q) => firstPage.has(q))).toBe(false);
  });

  it('says plainly when nothing is found, with suggestions', async () => {
    const reply = await ask({ ...loadFixture('personal-message.json'), text: 'what did Dixon say about zebras?' });
    expect(cardTexts(cardOf(reply))[0]).toContain('zebras');
    expect(reply.text).toContain('zebras');
  });

  it('answers a 10,000-character question politely, without echoing it', async () => {
    const reply = await ask({ ...loadFixture('personal-message.json'), text: 'senates '.repeat(1250) });
    expect(reply.text).toMatch(/too long|500 characters/);
    expect(JSON.stringify(reply).length).toBeLessThan(5000);
  });
});
