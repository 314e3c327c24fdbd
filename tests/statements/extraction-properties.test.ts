import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { parseArticleFile } from '../../src/corpus/parse-article.js';
import { extractStatements } from '../../src/statements/extract-statements.js';

/** Fixed seed and bounded runs: the same cases every run; `FUZZ_RUNS` raises the count for a long run. */
const RUNS = Math.max(40, Math.floor(Number(process.env.FUZZ_RUNS ?? 120) / 3));
const SEED = 14;

/** What news bodies are made of, quote marks and attribution cues above all, with hostile characters among them. */
const PIECES = [
  '“', '”', '"', '‘', '’', "'", '«', '»', '„', ' ', ' ', '\n', '\n\n', '. ', ', ', ': ', '—', '–', '(', ')',
  'said', 'says', 'told reporters', 'according to', 'added', 'he said.', 'she said,', 'Dr Dixon', 'Michael Dixon', 'Dixon', 'the minister',
  'Mr Hunt', 'Jane Okafor, union leader,', 'a spokesperson for the BMA', 'We will not stop', 'Senates should be only advisory', 'It is',
  'wrong', 'the NHS', 'commissioning', 'Mr.', 'U.S.', 'St. John', '1.5', '2011', 'e.g.', '...', '…', '?', '!',
  '\u0000', '\u200b', '\u202e', '\ufeff', '\r\n', '\t', 'é', 'Erdoğan', '中文', '🙂', '\ud800', '*', '#', '>', '<br>', '&amp;',
];
const body = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 300 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2_000 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('“', '"', 'said Dixon. ', '“We will,” he said. '), fc.integer({ min: 1, max: 5_000 })).map(([p, n]) => p.repeat(n)) },
);

function articleOf(id: string, text: string): Article {
  return { id, path: `${id}.md`, title: 'T', outlet: 'O', url: `https://example.org/${id}`, published: { value: '2024-01-01', precision: 'day', inferred: false }, body: text };
}

/** Every statement is an exact span of its article, inside its quotation, with a speaker that exists. */
function checkExtraction(articles: Article[]): void {
  const { statements, speakers } = extractStatements(articles);
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  const speakerIds = new Set(speakers.map((s) => s.id));
  const ids = new Set<string>();
  for (const st of statements) {
    const text = bodies.get(st.articleId);
    expect(text).toBeDefined();
    expect(Number.isInteger(st.start) && Number.isInteger(st.end)).toBe(true);
    expect(0 <= st.start && st.start < st.end && st.end <= text!.length).toBe(true);
    expect(text!.slice(st.start, st.end)).toBe(st.text);
    expect(st.id).toBe(`${st.articleId}#${st.start}`);
    expect(ids.has(st.id)).toBe(false);
    ids.add(st.id);
    if (st.quotation) {
      expect(st.kind).toBe('direct');
      expect(st.quotation.start <= st.start && st.end <= st.quotation.end && st.quotation.end <= text!.length).toBe(true);
    }
    if (st.speakerId !== null) expect(speakerIds.has(st.speakerId)).toBe(true);
  }
}

/** Real news, cut and spliced: quote marks dropped, doubled or moved, paragraphs swapped, text cut off. */
function mutate(text: string, edits: Array<{ at: number; op: number; len: number }>): string {
  let out = text;
  for (const { at, op, len } of edits) {
    const i = out.length === 0 ? 0 : at % out.length;
    if (op === 0) out = out.slice(0, i) + out.slice(i + len);
    else if (op === 1) out = out.slice(0, i) + ['“', '”', '"', '\n\n', ' said Dixon', '.'][len % 6] + out.slice(i);
    else if (op === 2) out = out.slice(0, i) + out.slice(i, i + len) + out.slice(i);
    else out = out.slice(0, i);
  }
  return out;
}

describe('the extractor, on any article body', () => {
  let real: Article[];
  beforeAll(async () => {
    const bundled = (await loadCorpus(path.join(import.meta.dirname, '../../corpus'))).articles;
    const wikinews = readFileSync(path.join(import.meta.dirname, '../fixtures/wikinews-sample.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; body: string })
      .map((row) => articleOf(row.id, row.body));
    real = [...bundled, ...wikinews];
  });

  it('never throws and never emits a statement whose offsets do not slice to its text (generated bodies)', () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 3 }), (texts) => checkExtraction(texts.map((t, i) => articleOf(`2024-01-01-gen-${i}`, t)))),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('the same on mutated real articles (the bundled corpus and a Wikinews sample)', () => {
    const edit = fc.record({ at: fc.nat(), op: fc.integer({ min: 0, max: 3 }), len: fc.integer({ min: 0, max: 400 }) });
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 12 }), (pick, edits) => {
        const article = real[pick % real.length]!;
        checkExtraction([{ ...article, body: mutate(article.body, edits) }, real[(pick + 1) % real.length]!]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('the extractor, on what the properties found', () => {
  it('does not hang on a sentence that starts with a character outside the BMP before its cue', () => {
    // Once an endless loop: an empty regex match at 0, stepped past by one code unit, into the emoji.
    for (const text of ['🙂said.é', '🙂 he said.', 'Shares fell.\n\n😀 “We will not stop,” she said.']) checkExtraction([articleOf('2024-01-01-astral', text)]);
    const { statements } = extractStatements([articleOf('2024-01-01-astral', '𝐁reaking. “We will not stop,” said Jane Okafor, union leader.')]);
    expect(statements.map((s) => [s.text, s.speakerId])).toEqual([['We will not stop', 'jane-okafor']]);
  });
});

describe('the corpus parser, on any file', () => {
  const seedFile = readFileSync(path.join(import.meta.dirname, '../../corpus/2011-06-20-nhs-alliance-clinically-led-commissioning.md'), 'utf8');
  const file = fc.oneof(
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 1_000 }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom('---', '\n', 'title: ', 'published: ', '2012', '2011-13-45', 'url: ', 'http://x', 'outlet: ', '[', ']', '{', '}', ': :', '- ', '&a', '*a', '!!binary', '"', "'", '\t', '\u0000', '~'), { maxLength: 60 }).map((p) => p.join('')) },
    { weight: 3, arbitrary: fc.tuple(fc.nat(), fc.nat({ max: 300 }), fc.string({ maxLength: 20 })).map(([at, len, insert]) => { const i = at % seedFile.length; return seedFile.slice(0, i) + insert + seedFile.slice(i + len); }) },
  );

  it('reports, never throws: an article, or problems naming the file', () => {
    fc.assert(
      fc.property(file, (text) => {
        const parsed = parseArticleFile('/corpus/2024-01-01-fuzzed.md', text);
        if (parsed.article === null) expect(parsed.problems.length).toBeGreaterThan(0);
        for (const p of parsed.problems) {
          expect(p.file).toBe('/corpus/2024-01-01-fuzzed.md');
          expect(typeof p.message).toBe('string');
          expect(p.message.length).toBeGreaterThan(0);
        }
        if (parsed.article) expect(text.endsWith(parsed.article.body)).toBe(true);
      }),
      { numRuns: RUNS * 3, seed: SEED },
    );
  });
});
