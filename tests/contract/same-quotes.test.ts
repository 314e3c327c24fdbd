import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../adapters/serve.js';
import { main } from '../../src/cli/main.js';
import { AnswerSchema, openBriefbot, type BriefbotEngine } from '../../src/index.js';
import { askThroughTeams } from '../adapters/teams/ask-through-teams.js';
import { postToSlackEvents, slashCommandBody, startTestServer } from '../adapters/slack/slack-harness.js';
import { flatten, shownWords } from './shown-words.js';

const CORPUS = path.join(import.meta.dirname, '../../corpus');

/**
 * One question through every surface must show the same quotes in the same order: the adapters
 * render the core's Answer, they never search or rank themselves.
 */
const QUESTIONS = [
  'what did Dixon say about senates?',
  'who called commissioners demolition experts?',
  'what did Dixon say in 2011?',
  'what did Hunt say about e-mail consultations?',
  'Dixon on CCGs',
  'what has Andrew Lansley said about clinical commissioning?',
];

async function quotesFromCli(question: string): Promise<string[]> {
  const out: string[] = [];
  const code = await main(['node', 'briefbot', 'ask', question, '--json', '--corpus', CORPUS], { out: (s) => out.push(s), err: () => {}, env: {} });
  expect(code).toBe(0);
  const answer = AnswerSchema.parse(JSON.parse(out.join('\n')));
  return answer.kind === 'results' ? answer.results.map(shownWords) : [];
}

/** The quoted words of each result section of a Block Kit answer, unescaped, without quote marks or bold. */
function quotesOfSlackBlocks(blocks: Array<{ type: string; text?: { text: string } }>): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return blocks
    .filter((b) => b.type === 'section' && b.text)
    .map((b) => b.text!.text.split('\n— ')[0]!)
    .flatMap((statement) => {
      // The part that matches the question is in bold (`*…*`): the marks are not the article's words.
      if (statement.startsWith('>“')) return [flatten(unescape(statement.split('\n').map((l) => l.replace(/^>/, '')).join('\n')).replace(/^“|”$/g, '').replace(/\*/g, ''))];
      const reported = /^_Reported:_ _?(.*?)_?$/s.exec(statement);
      return reported ? [flatten(unescape(reported[1]!))] : [];
    });
}

let engine: BriefbotEngine;
let slack: RunningServer;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  engine = await openBriefbot({ corpusDir: CORPUS });
  slack = await startTestServer();
  await slack.ready;
});

afterAll(async () => {
  await slack.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the same quotes through the CLI, Slack and Teams', () => {
  it.each(QUESTIONS)('"%s"', async (question) => {
    const cli = await quotesFromCli(question);
    const response = await postToSlackEvents(slack, slashCommandBody(question));
    expect(response.status).toBe(200);
    const slackQuotes = quotesOfSlackBlocks(((await response.json()) as { blocks: Array<{ type: string; text?: { text: string } }> }).blocks);
    const { quotes: teamsQuotes } = await askThroughTeams(engine, question);
    // The CLI prints five results by default, as the chat surfaces show their first page.
    expect(slackQuotes).toEqual(cli);
    expect(teamsQuotes).toEqual(cli);
    if (question.includes('Lansley')) expect(cli).toEqual([]);
    else expect(cli.length).toBeGreaterThan(0);
  });
});
