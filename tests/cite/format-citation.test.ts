import { describe, expect, it } from 'vitest';
import { citeAnswer, formatCitation, type Answer, type Result } from '../../src/index.js';
import { dixon, SENATES_QUOTE, SENATES_URL, senatesResult } from '../fixtures/answers.js';

const interpretation = {
  question: 'what did Dixon say about senates?',
  speaker: dixon,
  speakerQuery: 'Dixon',
  topic: 'senates',
  phrase: null,
  dateFrom: null,
  dateTo: null,
  dateText: null,
  outlet: null,
  sort: 'relevance' as const,
};

function withDate(result: Result, date: Result['sources'][number]['date']): Result {
  return { ...result, sources: result.sources.map((s) => ({ ...s, date })) };
}

describe('formatCitation', () => {
  it('cites the senates quote as the issue asks: quote, speaker and role, outlet, headline, date, link', () => {
    expect(formatCitation(senatesResult)).toBe(
      `“${SENATES_QUOTE.slice(0, -1)},” said Michael Dixon, NHS Alliance chair (NHS Alliance press release, “Clinically-Led Commissioning Must Not Be Set Up To Fail”, 20 June 2011, ${SENATES_URL}).`,
    );
  });

  it.each([
    [{ value: '2011-06-20', precision: 'day', inferred: false }, '20 June 2011'],
    [{ value: '2012-01', precision: 'month', inferred: false }, 'January 2012'],
    [{ value: '2012', precision: 'year', inferred: false }, '2012'],
    [{ value: '2012-11-22', precision: 'day', inferred: true, note: 'from the event' }, 'about 22 November 2012'],
    [{ value: '2012-01', precision: 'month', inferred: true }, 'about January 2012'],
    [{ value: '2012', precision: 'year', inferred: true }, 'about 2012'],
  ] as const)('writes a %o date as "%s", never more precise than known', (date, words) => {
    expect(formatCitation(withDate(senatesResult, { ...date }))).toContain(`, ${words}, http`);
  });

  it('cites reported speech as reported, without quote marks around the paraphrase', () => {
    const reported: Result = { ...senatesResult, kind: 'indirect', text: 'senates should be advisory.' };
    const citation = formatCitation(reported);
    expect(citation).toMatch(/^Michael Dixon, NHS Alliance chair, said senates should be advisory \(NHS Alliance press release, /);
    expect(citation).not.toContain('“senates');
  });

  it('keeps a question mark inside the quote and adds no comma', () => {
    const question: Result = { ...senatesResult, text: 'Who will hold the board to account?' };
    expect(formatCitation(question)).toMatch(/^“Who will hold the board to account\?” said Michael Dixon/);
  });

  it('says so when the article does not name the speaker, and never names one', () => {
    const unnamed: Result = { ...senatesResult, speaker: null };
    expect(formatCitation(unnamed)).toMatch(/^“Senates should .*within them\.” \(speaker not named in the article; NHS Alliance press release, /);
    expect(formatCitation({ ...unnamed, kind: 'indirect' })).toMatch(/^Reported, speaker not named in the article: Senates should/);
  });

  it('writes a speaker without a role without a dangling comma, and keeps a bracketed outlet name', () => {
    const plain: Result = { ...senatesResult, speaker: { ...dixon, roles: [] } };
    const gp = { ...plain, sources: plain.sources.map((s) => ({ ...s, outlet: 'GP (GPonline.com)' })) };
    expect(formatCitation(gp)).toMatch(/,” said Michael Dixon \(GP \(GPonline\.com\), “/);
    expect(formatCitation({ ...gp, kind: 'indirect', text: 'it was fine' })).toMatch(/^Michael Dixon said it was fine \(/);
  });
});

describe('citeAnswer', () => {
  const answers: Record<Answer['kind'], Answer> = {
    results: { kind: 'results', interpretation, results: [senatesResult, { ...senatesResult, kind: 'indirect' }], total: 2, offset: 0, limit: 5, note: null },
    nothing: { kind: 'nothing', interpretation, message: 'No quotes.', suggestions: [] },
    help: { kind: 'help', examples: [], commands: [] },
    sources: { kind: 'sources', sources: [] },
    speakers: { kind: 'speakers', speakers: [] },
    invalid: { kind: 'invalid', reason: 'empty', message: 'Please type a question.' },
  };

  it('gives one citation a result for results, in order', () => {
    const citations = citeAnswer(answers.results);
    expect(citations).toHaveLength(2);
    expect(citations[0]).toMatch(/^“Senates/);
    expect(citations[1]).toMatch(/^Michael Dixon, NHS Alliance chair, said Senates/);
  });

  it.each(['nothing', 'help', 'sources', 'speakers', 'invalid'] as const)('gives no citation for a %s answer', (kind) => {
    expect(citeAnswer(answers[kind])).toEqual([]);
  });
});
