import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema, openBriefbot, type BriefbotEngine } from '../../src/index.js';
import { parseQuestion } from '../../src/question/parse-question.js';
import type { ParsedQuestion } from '../../src/question/parsed-question.js';
import { corpusContext, inventedContext } from './question-context.js';

/** Fixed seed and bounded runs: the same cases every run; `FUZZ_RUNS` raises the count for a long run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = 13;

/** Words and marks questions are made of, with the hostile ones: markup, Slack mentions, control and bidi characters. */
const FRAGMENTS = [
  'what did', 'who said', 'say about', 'said about', 'latest from', 'more on', 'and in', 'since', 'before', 'between', 'and',
  'Dixon', 'Dr Dixon', "Dixon's", 'Hunt', 'the NHS Alliance chair', 'Okafor', 'BMA', 'Pulse', 'in Pulse', 'GP (GPonline.com)',
  '2011', 'June 2012', 'November', 'last year', 'this year', '31 February 2012', '1999-13-40', 'yesterday',
  'senates', 'commissioning', '"search and rescue"', '“demolition experts”', '?', '!', ',', '.', "'", '"', '…',
  '<@U0BRIEFBOT>', '<!channel>', '<https://x.test|click>', '*bold*', '_it_', '`code`', '```', '<script>alert(1)</script>', '&amp;', '&lt;',
  '\u0000', '\u0007', '\u001b[31m', '\u200b', '\u202e', '\u2066', '\ufeff', '\ud800', '\r\n', '\t', 'é', 'Erdoğan', '中文', '🙂', 'help', 'sources', 'speakers',
];

const question = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(' ')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 20_000 })).map(([part, n]) => part.repeat(n).slice(0, 100_000)) },
);

function checkParsed(parsed: ParsedQuestion): void {
  expect(['command', 'invalid', 'query']).toContain(parsed.kind);
  if (parsed.kind !== 'query') return;
  expect(parsed.question.length).toBeLessThanOrEqual(100_000);
  // Nothing the cleaner removes may survive into what is searched.
  expect(parsed.question).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  for (const d of [parsed.dateFrom, parsed.dateTo]) if (d !== null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (parsed.dateFrom && parsed.dateTo) expect(parsed.dateFrom <= parsed.dateTo).toBe(true);
  if (parsed.speakerId !== null) expect(parsed.speakerQuery).not.toBeNull();
  expect(['relevance', 'newest']).toContain(parsed.sort);
}

describe('the question parser, on any string', () => {
  it('never throws and returns a well-formed interpretation (bundled and invented names)', () => {
    fc.assert(
      fc.property(question, fc.boolean(), (text, invented) => {
        checkParsed(parseQuestion(text, invented ? inventedContext : corpusContext));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('ask, on any string and any paging', () => {
  let engine: BriefbotEngine;
  beforeAll(async () => {
    engine = await openBriefbot({ corpusDir: path.join(import.meta.dirname, '../../corpus'), now: () => new Date('2026-11-23T12:00:00Z') });
  });

  const paging = fc.record(
    {
      limit: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.constantFrom(NaN, Infinity, -Infinity, 0.5, 1e9)),
      offset: fc.oneof(fc.integer({ min: -5, max: 10_000 }), fc.constantFrom(NaN, Infinity, -Infinity, 2.7, 1e12)),
    },
    { requiredKeys: [] },
  );

  it('never throws and always answers with what AnswerSchema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(question, paging, async (text, options) => {
        const answer = await engine.ask(text, options);
        const checked = AnswerSchema.safeParse(answer);
        if (!checked.success) throw new Error(`AnswerSchema refused the answer to ${JSON.stringify(text.slice(0, 80))}: ${checked.error.issues[0]?.message}`);
        if (answer.kind === 'results') {
          expect(answer.results.length).toBeLessThanOrEqual(answer.limit);
          expect(answer.offset).toBeLessThan(answer.total);
        }
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
