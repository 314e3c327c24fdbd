import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import nock from 'nock';
import type { Briefbot } from '../../../src/index.js';
import { loadFixture } from './fixtures.js';
import { cardOf, cardTexts, expectReply, postActivity, startTeamsServer } from './harness.js';

/**
 * The quotes a Teams user sees, in order: each card quote with the markdown escapes, the bold
 * marks of the matching part and the curly quote marks of direct speech taken off.
 */
export function quotesOfTeamsReply(reply: Partial<Activity>): string[] {
  const texts = cardTexts(cardOf(reply));
  const quotes: string[] = [];
  texts.forEach((text, i) => {
    // `**…**` marks the part of a quotation that matches the question: not the article's words.
    const unescaped = text.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');
    if (/^“.*”$/s.test(unescaped)) quotes.push(unescaped.slice(1, -1));
    else if (texts[i - 1] === 'Reported speech (paraphrase)') quotes.push(unescaped);
  });
  return quotes;
}

/**
 * Asks `question` as a Teams user in a 1:1 chat would: a real activity posted over HTTP to the
 * Teams route on a loopback server, the reply caught by a Bot Connector stand-in. For contract
 * tests that compare the CLI, Slack and Teams. The caller keeps `nock.disableNetConnect()` on.
 */
export async function askThroughTeams(briefbot: Briefbot, question: string): Promise<{ reply: Partial<Activity>; quotes: string[] }> {
  nock.enableNetConnect('127.0.0.1');
  const server = await startTeamsServer(briefbot);
  try {
    const activity = { ...loadFixture('personal-message.json'), text: question };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    const response = await postActivity(server, activity);
    if (response.status !== 200 || !scope.isDone() || !sent[0]) throw new Error(`Teams did not answer "${question}" (HTTP ${response.status})`);
    return { reply: sent[0], quotes: quotesOfTeamsReply(sent[0]) };
  } finally {
    await server.close();
  }
}
