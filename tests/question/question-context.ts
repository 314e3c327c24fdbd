import { parseQuestion } from '../../src/question/parse-question.js';
import type { ParsedQuestion, QuestionContext } from '../../src/question/parsed-question.js';

/** The speakers and outlets of the bundled corpus, as the core would pass them. */
export const corpusContext: QuestionContext = {
  now: new Date('2026-11-23T12:00:00Z'),
  speakers: [
    { id: 'michael-dixon', name: 'Michael Dixon', aliases: ['Dr Michael Dixon', 'Michael Dixon', 'Dr Dixon', 'Dixon'] },
    { id: 'jeremy-hunt', name: 'Jeremy Hunt', aliases: ['Jeremy Hunt', 'Hunt'] },
    { id: 'ian-dalton', name: 'Ian Dalton', aliases: ['Ian Dalton', 'Dalton'] },
    { id: 'nhs-alliance', name: 'NHS Alliance', aliases: ['NHS Alliance', 'the Alliance'] },
  ],
  outlets: ['NHS Alliance (press release)', 'Pulse', 'GP (GPonline.com)', 'PharmaTimes', 'Pharmafield'],
};

/** Invented people and outlets: the parser must not depend on the bundled corpus's names. */
export const inventedContext: QuestionContext = {
  now: new Date('2026-11-23T12:00:00Z'),
  speakers: [
    { id: 'ada-okafor', name: 'Ada Okafor', aliases: ['Professor Ada Okafor', 'Ada Okafor', 'Prof Okafor', 'Okafor'] },
    { id: 'bma', name: 'British Medical Association', aliases: ['British Medical Association', 'BMA'] },
    { id: 'tom-price', name: 'Tom Price', aliases: ['Tom Price', 'Price'] },
  ],
  outlets: ['The Guardian', 'Health Service Journal (HSJ)', 'BBC News (bbc.co.uk)'],
};

type Query = Extract<ParsedQuestion, { kind: 'query' }>;

/** Parses a question that must be a query, and returns its fields. */
export function query(text: string, ctx: QuestionContext = corpusContext): Query {
  const parsed = parseQuestion(text, ctx);
  if (parsed.kind !== 'query') throw new Error(`expected a query for ${JSON.stringify(text)}, got ${parsed.kind}`);
  return parsed;
}
