import type { Answer, Interpretation, Result } from '../../../src/index.js';

/** Hand-made core answers for renderer tests, shaped like the core's output for the bundled corpus. */
export const dixonSpeaker = {
  id: 'michael-dixon',
  name: 'Michael Dixon',
  kind: 'person' as const,
  roles: ['chair of NHS Alliance'],
};

export const senatesResult: Result = {
  id: '2011-06-20-nhs-alliance-clinically-led-commissioning#2222',
  text: 'Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.',
  kind: 'direct',
  speaker: dixonSpeaker,
  cue: 'emphasises Dr Dixon',
  sources: [
    {
      articleId: '2011-06-20-nhs-alliance-clinically-led-commissioning',
      outlet: 'NHS Alliance (press release)',
      title: 'Clinically-Led Commissioning Must Not Be Set Up To Fail',
      url: 'http://primarycarereports.co.uk/clinicallyled_commissioning_must_not_be_set_up_to_fail.html',
      date: { value: '2011-06-20', precision: 'day', inferred: false },
      statementId: '2011-06-20-nhs-alliance-clinically-led-commissioning#2222',
      text: 'Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.',
      start: 2222,
      end: 2366,
    },
  ],
  score: 12.5,
};

export const reportedResult: Result = {
  id: '2012-01-pulse-dixon-warns-emasculated#100',
  text: 'commissioning groups were at risk of being emasculated',
  kind: 'indirect',
  speaker: dixonSpeaker,
  cue: 'Dr Dixon warned',
  sources: [
    {
      articleId: '2012-01-pulse-dixon-warns-emasculated',
      outlet: 'Pulse',
      title: 'Dixon warns commissioning groups at risk of being ‘emasculated’',
      url: 'https://www.pulsetoday.co.uk/news/nhs-structures/dixon-warns-commissioning-groups-at-risk-of-being-emasculated/',
      date: { value: '2012-01', precision: 'month', inferred: true, note: 'new year address' },
      statementId: '2012-01-pulse-dixon-warns-emasculated#100',
      text: 'commissioning groups were at risk of being emasculated',
      start: 100,
      end: 154,
    },
  ],
  score: 3,
};

export const dixonInterpretation: Interpretation = {
  question: 'what did Dixon say about senates?',
  speaker: dixonSpeaker,
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
export function resultsAnswer(results: Result[], total = results.length, offset = 0): Answer {
  return { kind: 'results', interpretation: dixonInterpretation, results, total, offset, limit: 5, note: null };
}

/** A copy of `base` with another id, text and kind. */
export function variant(base: Result, id: string, text: string, kind: Result['kind'] = base.kind): Result {
  return { ...base, id, text, kind, sources: base.sources.map((s) => ({ ...s, statementId: id, text })) };
}
