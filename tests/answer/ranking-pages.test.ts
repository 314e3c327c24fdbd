import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleCorpus } from '../search/sample-corpus.js';
import { openBriefbot, type Answer, type BriefbotEngine } from '../../src/index.js';

// Only the groups that can reach the page asked for are ordered in full: one page of many must
// show exactly what the same places of one long page show, whatever the sort.
let dir: string;
let engine: BriefbotEngine;
beforeAll(async () => {
  dir = writeSampleCorpus(20);
  engine = await openBriefbot({ corpusDir: dir, cache: 'off', now: () => new Date('2026-11-23T12:00:00Z') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function ids(answer: Answer): string[] {
  if (answer.kind !== 'results') throw new Error(`expected results, got ${answer.kind}`);
  return answer.results.map((r) => `${r.id}@${r.score}`);
}

describe('ranking a page', () => {
  it.each([
    ['a word of five results, by relevance', 'what was said about time?'],
    ['a word of five results, newest first', 'latest quotes about time'],
    ['one speaker, newest first', 'what did Tristan Smith say?'],
    ['every quote of a year, newest first', 'what was said in 2019?'],
  ])('gives the same order page by page as in one long page: %s', async (_, question) => {
    const whole = await engine.ask(question, { limit: 50 });
    if (whole.kind !== 'results') throw new Error(`expected results, got ${whole.kind}`);
    // More results than the first pages ask for, so those pages take the shortcuts.
    expect(whole.total).toBeGreaterThan(4);
    const count = Math.min(whole.total, 50);
    const paged: string[] = [];
    for (let offset = 0; offset < count; offset++) {
      const page = await engine.ask(question, { limit: 1, offset });
      if (page.kind === 'results') expect(page.total).toBe(whole.total);
      paged.push(...ids(page));
    }
    expect(paged).toEqual(ids(whole).slice(0, count));
  });
});
