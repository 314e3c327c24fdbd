import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema, openBriefbot, type Answer, type BriefbotEngine } from '../../src/index.js';
import { writeSampleCorpus } from '../search/sample-corpus.js';

// A small real corpus: the 20 Wikinews articles of the sample fixture. Andrzej Duda and Joachim
// Brudziński are quoted in two of them: the escape room fire in Koszalin (wn2019-003) and the
// stabbing of the mayor of Gdańsk (wn2019-012). None of their quotes says "stab": only the
// headline and paragraphs of wn2019-012 do.
let dir: string;
let engine: BriefbotEngine;
let seeds: BriefbotEngine;
beforeAll(async () => {
  dir = writeSampleCorpus(20);
  engine = await openBriefbot({ corpusDir: dir, cache: 'off', now: () => new Date('2026-11-23T12:00:00Z') });
  seeds = await openBriefbot({ corpusDir: path.join(import.meta.dirname, '../../corpus'), cache: 'off' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function ask(bot: BriefbotEngine, question: string): Promise<Answer> {
  return AnswerSchema.parse(await bot.ask(question));
}

function results(answer: Answer) {
  if (answer.kind !== 'results') throw new Error(`expected results, got ${answer.kind}: ${JSON.stringify(answer)}`);
  return answer;
}

describe('ranking with what surrounds a quote', () => {
  it('finds Duda\'s words on the stabbing through the headline, though none of them says "stab"', async () => {
    // Must win: wn2019-012's headline ("… mayor of Gdańsk, Poland stabbed on stage") holds the topic;
    // Duda's fire quotes of wn2019-003 share no word with it, so they are not an answer at all.
    const a = results(await ask(engine, 'what did Duda say about the stabbing?'));
    expect(a.note).toBeNull();
    expect(a.results.map((r) => r.sources[0]!.articleId)).toEqual(a.results.map(() => 'wn2019-012'));
    expect(a.results.every((r) => r.speaker?.name === 'Andrzej Duda' && !/\bstab/i.test(r.text))).toBe(true);
  });

  it('answers "what did Brudziński say after the mayor was stabbed?" with his words of that article, every word matched', async () => {
    // Must win: "after" frames the question and is no topic word; "mayor" and "stabbed" are in the
    // article's headline, so all his statements there match and none of the fire article does.
    const a = results(await ask(engine, 'what did Brudziński say after the mayor was stabbed?'));
    expect(a.note).toBeNull();
    expect(new Set(a.results.map((r) => r.sources[0]!.articleId))).toEqual(new Set(['wn2019-012']));
    expect(a.results[0]).toMatchObject({ kind: 'direct', speaker: { name: 'Joachim Brudziński' } });
  });

  it('shows a quote within its whole quotation, the matching sentence marked by offsets', async () => {
    const a = results(await ask(engine, 'what did Duda say about his loved ones and the stabbing?'));
    const first = a.results[0]!;
    const q = first.quotation!;
    expect(q.text).toBe('Today I am unconditionally with him and his loved ones, just as I hope all of us compatriots are. I pray for his return to health and full strength.');
    expect(q.match.end - q.match.start).toBe(first.text.length);
    expect(q.text.slice(q.match.start - q.start, q.match.end - q.start)).toBe(first.text);
    // Both sentences are one result: the second sentence is not listed again.
    expect(a.results.filter((r) => r.quotation?.start === q.start && r.sources[0]!.articleId === first.sources[0]!.articleId)).toHaveLength(1);
  });

  it('answers "what did Dixon say about senates?" with the senates quote first, within its full quotation', async () => {
    const first = results(await ask(seeds, 'what did Dixon say about senates?')).results[0]!;
    expect(first.text).toBe('Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.');
    expect(first.quotation).toMatchObject({
      text: `All practices and GP commissioners need to be involved. ${first.text}`,
      trimmedStart: false,
      trimmedEnd: false,
      match: { start: first.sources[0]!.start, end: first.sources[0]!.end },
    });
  });

  it('lists a speaker\'s verbatim words before reported speech of the same article for "what did Brudziński say?"', async () => {
    const a = results(await ask(engine, 'what did Brudziński say?'));
    const byArticle = new Map<string, string[]>();
    for (const r of a.results) byArticle.set(r.sources[0]!.articleId, [...(byArticle.get(r.sources[0]!.articleId) ?? []), r.kind]);
    expect(byArticle.size).toBe(2);
    for (const kinds of byArticle.values()) expect(kinds).toEqual([...kinds].sort());
  });
});

describe('never a bare "no quotes"', () => {
  it('shows passages that name someone never quoted apart, labelled as not confirmed as their words', async () => {
    const a = await ask(engine, 'what did Adamowicz say about the stabbing?');
    if (a.kind !== 'nothing') throw new Error(`expected nothing, got ${a.kind}`);
    expect(a.message).toMatch(/^No quotes from Adamowicz in the corpus\./);
    expect(a.unconfirmed?.label).toBe('Passages that mention Adamowicz and "stabbing" (not confirmed as Adamowicz\'s words)');
    for (const p of a.unconfirmed!.passages) {
      expect(p.text).toMatch(/Adamowicz/);
      expect(p.articleId).toBe('wn2019-012');
    }
  });

  it('answers a speaker whose quotes lack the topic\'s words with theirs from the articles about it, and says so', async () => {
    // "intensive care" is in the Koszalin fire report only, in the fire service spokesman's
    // paragraph: Brudziński's words there are the closest he has to it, and the answer says so.
    const a = results(await ask(engine, 'what did Brudziński say about intensive care?'));
    expect(a.note).toBe('None of Joachim Brudziński\'s quotes has the words of "intensive care"; these are Joachim Brudziński\'s quotes from articles about it.');
    expect(a.results.every((r) => r.speaker?.name === 'Joachim Brudziński' && r.sources[0]!.articleId === 'wn2019-003')).toBe(true);
    expect(a.results[0]!.kind).toBe('direct');
  });
});
