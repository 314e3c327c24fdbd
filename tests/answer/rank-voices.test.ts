import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema, openBriefbot, type Answer, type BriefbotEngine } from '../../src/index.js';
import { writeSampleCorpus } from '../search/sample-corpus.js';

// Real articles: the 20 of the sample fixture, plus wn2019-097 (Hong Kong's extradition bill
// withdrawn; Amnesty International's Hong Kong director Man-kei Tam quoted) and wn2020-087 (the US
// campaign in July 2020, whose paragraphs each run through weeks of news) and gum-warhol (Kristen
// Wilkins on Warhol's Polaroids and business sense).
let dir: string;
let engine: BriefbotEngine;
beforeAll(async () => {
  dir = writeSampleCorpus(20, ['wikinews-ranking.jsonl']);
  engine = await openBriefbot({ corpusDir: dir, cache: 'off' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function results(question: string) {
  const a: Answer = AnswerSchema.parse(await engine.ask(question));
  if (a.kind !== 'results') throw new Error(`expected results, got ${a.kind}: ${JSON.stringify(a)}`);
  return a;
}

describe('a body speaks through its people', () => {
  it('answers "what has Amnesty International said" with its director\'s words, under the director\'s name', async () => {
    // Must win: Man-kei Tam, "Hong Kong director of Amnesty International", is the only one who speaks for
    // Amnesty on the bill; the quote says "This announcement", so only its paragraph holds the topic.
    const a = await results('What has Amnesty International said about the withdrawal of the Hong Kong extradition bill?');
    expect(a.results[0]).toMatchObject({ speaker: { name: 'Man-kei Tam' } });
    // Amnesty is never quoted itself in these articles: the answer says whose words these are instead.
    expect(a.note).toMatch(/^Amnesty International is not quoted itself; these are the words of people the articles name in a role there\./);
    expect(a.results[0]!.text).toMatch(/^This announcement cannot change the fact/);
    // Nothing is put in the body's mouth: no result shows Amnesty International as the speaker of Tam's words.
    expect(a.results.filter((r) => r.text.startsWith('This announcement')).every((r) => r.speaker?.name === 'Man-kei Tam')).toBe(true);
  });

  it('does not widen a person to the people whose roles name them', async () => {
    const a = await results('What did Biden say about the ballot box?');
    expect(a.results.every((r) => r.speaker?.name === 'Joe Biden')).toBe(true);
  });
});

describe('context in long paragraphs', () => {
  it('finds Biden\'s words on Portland through the sentence before them, not the whole month\'s paragraph', async () => {
    // Must win: "President Trump sent Department of Homeland Security officers to protect federal buildings
    // in Portland. Biden criticized the move, arguing Trump was “sow[ing] chaos and division” …". The
    // paragraph runs on through other weeks; only the sentences next to the quote hold the topic.
    const a = await results('What did Biden say about Trump sending federal officers to Portland?');
    const top3 = a.results.slice(0, 3).map((r) => r.text);
    expect(top3.some((t) => t.includes('sow[ing] chaos and division') || t.includes('mak[ing] matters worse'))).toBe(true);
  });
});

describe('the same speaker\'s words next to a real match', () => {
  it('answers "Wilkins on Warhol as a businessman" with her quotation after "Warhol was both an artist and a businessperson"', async () => {
    // Must win: "businessman" finds "businessperson" (one word, gendered or neutral) in Wilkins's reported
    // speech; the quotation that follows it in the same paragraph ("As a way to commercialize his work …")
    // matches only through that paragraph, and is kept because it is her words right next to a real match.
    const a = await results('Kristen Wilkins on Warhol as a businessman');
    expect(a.results[0]).toMatchObject({ kind: 'indirect', text: 'Warhol was both an artist and a businessperson', speaker: { name: 'Kristen Wilkins' } });
    expect(a.results.slice(0, 3).some((r) => r.kind === 'direct' && r.quotation?.text.startsWith('As a way to commercialize his work'))).toBe(true);
  });
});

describe('a body quoted itself and through its people', () => {
  it('says when the answer includes the words of the body\'s people', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const own = mkdtempSync(path.join(os.tmpdir(), 'briefbot-voices-'));
    const file = (id: string, body: string) => writeFileSync(path.join(own, `${id}.md`), `---\ntitle: "Report on prisons ${id}"\noutlet: Test Gazette\npublished: 2020-01-0${id.length}\nurl: https://example.org/${id}\n---\n${body}\n`);
    file('a', 'The Prison Reform Trust said, "Overcrowding in prisons is a national scandal."');
    file('ab', 'Jane Roe, director of the Prison Reform Trust, said, "Overcrowding in prisons has doubled in a decade."');
    // Someone who has left the body speaks for it no longer.
    file('abc', 'John Doe, former director of the Prison Reform Trust, said, "Overcrowding in prisons was worse in my day."');
    const bot = await openBriefbot({ corpusDir: own, cache: 'off' });
    const a = AnswerSchema.parse(await bot.ask('What has the Prison Reform Trust said about overcrowding?'));
    await rm(own, { recursive: true, force: true });
    if (a.kind !== 'results') throw new Error(`expected results, got ${a.kind}`);
    expect(new Set(a.results.map((r) => r.speaker?.name))).toEqual(new Set(['Prison Reform Trust', 'Jane Roe']));
    expect(a.note).toContain('Includes the words of people the articles name in a role at Prison Reform Trust.');
  });
});
