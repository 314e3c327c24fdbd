import type { Answer, Interpretation, Result, SpeakerRef } from '../../../src/index.js';

/** Hand-made core answers for renderer and handler tests, shaped like the core's output for the bundled corpus. */
export const dixon: SpeakerRef = { id: 'michael-dixon', name: 'Michael Dixon', kind: 'person', roles: ['chairman of the NHS Alliance'] };

export const SENATES_QUOTE =
  'Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.';
export const SENATES_URL = 'http://primarycarereports.co.uk/clinicallyled_commissioning_must_not_be_set_up_to_fail.html';

export const senatesResult: Result = {
  id: 'nhs-alliance#2222',
  text: SENATES_QUOTE,
  kind: 'direct',
  speaker: dixon,
  cue: 'emphasises Dr Dixon',
  sources: [
    {
      articleId: 'nhs-alliance',
      outlet: 'NHS Alliance (press release)',
      title: 'Clinically-Led Commissioning Must Not Be Set Up To Fail',
      url: SENATES_URL,
      date: { value: '2011-06-20', precision: 'day', inferred: false },
      statementId: 'nhs-alliance#2222',
      text: SENATES_QUOTE,
      start: 2222,
      end: 2366,
    },
  ],
  score: 12.5,
};

export const reportedResult: Result = {
  id: 'pulse#100',
  text: 'commissioning groups were at risk of being emasculated',
  kind: 'indirect',
  speaker: dixon,
  cue: 'Dr Dixon warned',
  sources: [
    {
      articleId: 'pulse',
      outlet: 'Pulse',
      title: 'Dixon warns commissioning groups at risk',
      url: 'https://www.pulsetoday.co.uk/news/dixon-warns/',
      date: { value: '2012-01', precision: 'month', inferred: true, note: 'new year address' },
      statementId: 'pulse#100',
      text: 'commissioning groups were at risk of being emasculated',
      start: 100,
      end: 154,
    },
  ],
  score: 3,
};

export const interpretation: Interpretation = {
  question: 'what did Dixon say about senates?',
  speaker: dixon,
  speakerQuery: 'Dixon',
  topic: 'senates',
  phrase: null,
  dateFrom: null,
  dateTo: null,
  dateText: null,
  outlet: null,
  sort: 'relevance',
};

/** A results answer of `results`, page `offset`, out of `total`. */
export function resultsAnswer(results: Result[], total = results.length, offset = 0): Extract<Answer, { kind: 'results' }> {
  return { kind: 'results', interpretation, results, total, offset, limit: 5, note: null };
}

/** A copy of `base` with another id, text and kind. */
export function variant(base: Result, id: string, text: string, kind: Result['kind'] = base.kind): Result {
  return { ...base, id, text, kind, sources: base.sources.map((s) => ({ ...s, statementId: id, text })) };
}

export const helpAnswer: Extract<Answer, { kind: 'help' }> = {
  kind: 'help',
  examples: ['what did Dixon say about senates?', 'who said "set up to fail"?', 'Lansley on GP commissioning in 2011'],
  commands: [
    { command: 'help', description: 'this message' },
    { command: 'sources', description: 'the articles I have read' },
    { command: 'speakers', description: 'the people and organisations quoted' },
  ],
};

export const nothingAnswer: Extract<Answer, { kind: 'nothing' }> = {
  kind: 'nothing',
  interpretation: { ...interpretation, question: 'what did Dixon say about zebras?', topic: 'zebras' },
  message: 'No quotes from Michael Dixon about "zebras" in the corpus.',
  suggestions: ['what did Dixon say about senates?'],
};
