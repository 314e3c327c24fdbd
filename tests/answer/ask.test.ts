import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema, openBriefbot, type Answer, type BriefbotEngine } from '../../src/index.js';

let engine: BriefbotEngine;
beforeAll(async () => {
  engine = await openBriefbot({ corpusDir: path.join(import.meta.dirname, '../../corpus'), now: () => new Date('2026-11-23T12:00:00Z') });
});

/** Asks, and checks the answer against the exported schema, as every adapter will rely on it. */
async function ask(question: string, options?: { limit?: number; offset?: number }): Promise<Answer> {
  return AnswerSchema.parse(await engine.ask(question, options));
}

function results(answer: Answer) {
  if (answer.kind !== 'results') throw new Error(`expected results, got ${answer.kind}: ${JSON.stringify(answer)}`);
  return answer;
}

const SENATES = 'Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.';

describe('ask', () => {
  it('answers "what did Dixon say about senates?" with the senates quote first, from the press release of 20 June 2011', async () => {
    const a = results(await ask('what did Dixon say about senates?'));
    const first = a.results[0]!;
    expect(first.text).toBe(SENATES);
    expect(first.kind).toBe('direct');
    expect(first.speaker?.name).toBe('Michael Dixon');
    expect(first.sources).toHaveLength(1);
    expect(first.sources[0]).toMatchObject({
      outlet: 'NHS Alliance (press release)',
      date: { value: '2011-06-20', precision: 'day', inferred: false },
      url: 'http://primarycarereports.co.uk/clinicallyled_commissioning_must_not_be_set_up_to_fail.html',
    });
    expect(a.interpretation).toMatchObject({ speakerQuery: 'Dixon', topic: 'senates' });
    expect(a.interpretation.speaker?.id).toBe('michael-dixon');
    // A named speaker: only that speaker's statements.
    expect(a.results.every((r) => r.speaker?.id === 'michael-dixon')).toBe(true);
  });

  it('answers "who called commissioners demolition experts?" with Dixon, one result, three outlets earliest first', async () => {
    const a = results(await ask('who called commissioners demolition experts?'));
    expect(a.results).toHaveLength(1);
    const r = a.results[0]!;
    expect(r.speaker?.name).toBe('Michael Dixon');
    // The fullest wording is shown; every outlet that carried the remark is a source.
    expect(r.text).toBe('Clinical commissioners must become demolition experts.');
    expect(r.sources.map((s) => s.outlet)).toEqual(['GP (GPonline.com)', 'PharmaTimes', 'Pharmafield']);
    expect(r.sources.every((s) => s.date.value.startsWith('2012-11') && s.date.inferred)).toBe(true);
    expect(r.sources[1]!.text).toBe('demolition experts');
  });

  it('knows speakers by the roles the articles give only them: "the NHS Alliance chair", "the health secretary"', async () => {
    for (const q of ['what did the NHS Alliance chair say about demolition?', 'what did the chairman of the NHS Alliance say about demolition?']) {
      const a = results(await ask(q));
      expect(a.interpretation.speaker?.id).toBe('michael-dixon');
      expect(a.results[0]!.text).toBe('Clinical commissioners must become demolition experts.');
    }
    const hunt = results(await ask('what did the health secretary say?'));
    expect(hunt.interpretation.speaker?.name).toBe('Jeremy Hunt');
    expect(hunt.results.every((r) => r.speaker?.name === 'Jeremy Hunt')).toBe(true);
    // The organisation itself is still its own speaker, not its chair.
    expect(results(await ask('what did the NHS Alliance say?')).interpretation.speaker?.name).toBe('NHS Alliance');
  });

  it('shows only 2011 statements for "what did Dixon say in 2011?"', async () => {
    const a = results(await ask('what did Dixon say in 2011?', { limit: 50 }));
    expect(a.total).toBeGreaterThan(5);
    expect(a.results.every((r) => r.sources.every((s) => s.date.value.startsWith('2011')))).toBe(true);
    expect(a.interpretation).toMatchObject({ dateFrom: '2011-01-01', dateTo: '2011-12-31', dateText: 'in 2011' });
  });

  it('says plainly when a named person has no quotes (Andrew Lansley), and offers what exists', async () => {
    const a = await ask('what has Andrew Lansley said about clinical commissioning?');
    expect(a.kind).toBe('nothing');
    if (a.kind !== 'nothing') return;
    expect(a.message).toMatch(/^No quotes from Andrew Lansley in the corpus\./);
    expect(a.message).toMatch(/mentioned in 1 article but never quoted/);
    expect(a.suggestions[0]).toMatch(/Michael Dixon/);
  });

  it('finds a quote through an acronym: CCG matches "clinical commissioning groups"', async () => {
    const a = results(await ask('what did Dixon say about clinical commissioning groups?', { limit: 50 }));
    const b = results(await ask('what did Dixon say about CCGs?', { limit: 50 }));
    expect(b.results.some((r) => /clinical commissioning groups/i.test(r.text))).toBe(true);
    expect(a.results.some((r) => /\bCCGs?\b/.test(r.text))).toBe(true);
  });

  it('tolerates a typo in the topic', async () => {
    const a = results(await ask('what did Dixon say about senatse?'));
    expect(a.results[0]!.text).toBe(SENATES);
  });

  it('narrows to an outlet', async () => {
    const a = results(await ask('what did Dixon say in Pulse?', { limit: 50 }));
    expect(a.interpretation.outlet).toBe('Pulse');
    expect(a.results.every((r) => r.sources.every((s) => s.outlet === 'Pulse'))).toBe(true);
  });

  it('marks reported speech as indirect and keeps it apart from quotes', async () => {
    const a = results(await ask('what did Hunt say about e-mail consultations?'));
    expect(a.results[0]).toMatchObject({ kind: 'indirect', text: 'the viability of e-mail consultations was uncertain' });
  });

  it('sorts newest first for "latest"', async () => {
    const a = results(await ask('latest from Dixon', { limit: 50 }));
    const dates = a.results.map((r) => r.sources[0]!.date.value);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(a.interpretation.sort).toBe('newest');
  });

  it('pages through results with offset and limit', async () => {
    const all = results(await ask('what did Dixon say?', { limit: 50 }));
    const page = results(await ask('what did Dixon say?', { limit: 3, offset: 3 }));
    expect(page.results.map((r) => r.id)).toEqual(all.results.slice(3, 6).map((r) => r.id));
    expect(page.total).toBe(all.total);
  });

  it('says what was searched when nothing matches', async () => {
    const a = await ask('what was said about bananas?');
    expect(a).toMatchObject({ kind: 'nothing', message: 'No quotes about "bananas" in the corpus.' });
  });

  it('answers a speaker asked about words none of their quotes has with their quotes, saying so, never a bare "no quotes"', async () => {
    const a = results(await ask('what did Dixon say about bananas?'));
    expect(a.note).toBe('None of Michael Dixon\'s quotes has the words of "bananas"; these are Michael Dixon\'s latest quotes.');
    expect(a.results.length).toBeGreaterThan(0);
    expect(a.results.every((r) => r.speaker?.name === 'Michael Dixon')).toBe(true);
  });

  it('answers "More results" past the last page with the last page, and says so', async () => {
    const total = results(await ask('what did Dixon say?')).total;
    const last = Math.floor((total - 1) / 5) * 5;
    const lastPage = results(await ask('what did Dixon say?', { limit: 5, offset: last }));
    const past = results(await ask('what did Dixon say?', { limit: 5, offset: 9000 }));
    expect(past.offset).toBe(last);
    expect(past.results.length).toBeGreaterThan(0);
    expect(past.results.map((r) => r.id)).toEqual(lastPage.results.map((r) => r.id));
    expect(past.note).toMatch(/^There are only \d+ results; this is the last page\.$/);
  });

  it('never copies a NaN or infinite limit or offset into the answer', async () => {
    for (const options of [{ limit: NaN }, { offset: NaN }, { limit: Infinity, offset: -Infinity }, { limit: NaN, offset: NaN }]) {
      const a = results(await ask('what did Dixon say about senates?', options));
      expect(Number.isInteger(a.limit) && Number.isInteger(a.offset)).toBe(true);
      expect(a.results[0]!.text).toBe(SENATES);
    }
  });

  it('answers help, sources and speakers', async () => {
    expect((await ask('help')).kind).toBe('help');
    const sources = await ask('sources');
    expect(sources.kind === 'sources' && sources.sources.length).toBe(5);
    const speakers = await ask('speakers');
    expect(speakers.kind === 'speakers' && speakers.speakers[0]!.name).toBe('Michael Dixon');
  });

  it('answers junk politely: empty, 10,000 characters, control characters and markup', async () => {
    expect((await ask('   ')).kind).toBe('invalid');
    const long = await ask('senates '.repeat(1250));
    expect(long).toMatchObject({ kind: 'invalid', reason: 'too_long' });
    const control = results(await ask('what did Dixon\u0000\u0007 say about <b>senates</b>?'));
    expect(control.results[0]!.text).toBe(SENATES);
    const markup = results(await ask('<@U123> what did <!channel> Dixon say about senates?'));
    expect(markup.results[0]!.text).toBe(SENATES);
  });
});
