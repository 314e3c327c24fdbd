import { shownWords } from '../../contract/shown-words.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { openBriefbot, type BriefbotEngine } from '../../../src/index.js';
import { askThroughTeams } from './ask-through-teams.js';

/**
 * Teams shows exactly the core's quotes, in the core's order: nothing lost, reworded or reordered
 * by escaping, truncation or card layout. (The shared CLI/Slack/Teams contract test can reuse
 * `askThroughTeams`.)
 */
const QUESTIONS = ['what did Dixon say about senates?', 'what did Dixon say?', 'what did Jeremy Hunt say?', 'who said "demolition experts"?'];

describe('Teams against the core', () => {
  let engine: BriefbotEngine;

  beforeAll(async () => {
    nock.disableNetConnect();
    engine = await openBriefbot({ corpusDir: 'corpus' });
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it.each(QUESTIONS)('shows the core\'s quotes for "%s"', async (question) => {
    const answer = await engine.ask(question, { limit: 5, offset: 0 });
    const expected = answer.kind === 'results' ? answer.results.map(shownWords) : [];
    expect(expected.length).toBeGreaterThan(0);
    const { quotes } = await askThroughTeams(engine, question);
    expect(quotes).toEqual(expected);
  });
});
