import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { extractStatements, type Extraction } from '../../src/statements/extract-statements.js';
import { WIKINEWS_EXPECTED } from './wikinews-expected.js';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/wikinews-sample.jsonl');
/** The 315-article file lives outside the repository; CI has no copy, so its test is skipped there. */
const FULL = path.join(import.meta.dirname, '../../../shared/wikinews/articles.jsonl');

interface WikinewsRow {
  id: string;
  title: string;
  outlet: string;
  date: string;
  url: string;
  body: string;
}

/** Reads a Wikinews JSONL file into articles, the way `briefbot import` maps its rows. */
function loadWikinews(file: string): Article[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as WikinewsRow)
    .map((r) => ({ id: r.id, path: r.id, title: r.title, outlet: r.outlet, url: r.url, published: { value: r.date, precision: 'day' as const, inferred: false }, body: r.body }));
}

/** Every structural promise a Statement makes, checked over a whole extraction. */
function expectWellFormed(articles: Article[], { statements, speakers }: Extraction): void {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  const speakerIds = new Set(speakers.map((s) => s.id));
  const misspanned = statements.filter((s) => {
    const body = bodies.get(s.articleId);
    return body === undefined || s.start >= s.end || body.slice(s.start, s.end) !== s.text;
  });
  expect(misspanned.map((s) => `${s.id}: ${s.text.slice(0, 60)}`)).toEqual([]);
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  expect(statements.filter((s) => s.speakerId !== null && !speakerIds.has(s.speakerId)).map((s) => s.id)).toEqual([]);
}

describe('extractStatements on the 20-article Wikinews sample', () => {
  const articles = loadWikinews(SAMPLE);
  let extraction: Extraction;
  let speakerNames: Map<string, string>;

  beforeAll(() => {
    extraction = extractStatements(articles);
    speakerNames = new Map(extraction.speakers.map((s) => [s.id, s.name]));
  });

  it('reads all 20 articles of the fixture', () => {
    expect(articles).toHaveLength(20);
  });

  it.each(articles.map((a) => [a.id, a] as const))('extracts %s on its own without throwing, as exact spans', (_id, article) => {
    const alone = extractStatements([article]);
    expectWellFormed([article], alone);
  });

  it('extracts the sample as one corpus with every statement an exact span of its body', () => {
    expect(extraction.statements.length).toBeGreaterThan(100);
    expectWellFormed(articles, extraction);
  });

  it.each(WIKINEWS_EXPECTED.map((e) => [e.articleId, e.kind, e.prefix, e.speaker] as const))(
    'finds in %s the %s statement "%s" and gives it to %s',
    (articleId, kind, prefix, speaker) => {
      const found = extraction.statements.filter((s) => s.articleId === articleId && s.kind === kind && s.text.startsWith(prefix));
      expect(found).toHaveLength(1);
      const st = found[0]!;
      expect(st.speakerId === null ? null : speakerNames.get(st.speakerId)).toBe(speaker);
    },
  );
});

describe('extractStatements on the full Wikinews file (../shared, when present)', () => {
  it.skipIf(!existsSync(FULL))('extracts all 315 articles without throwing, as exact spans', () => {
    const articles = loadWikinews(FULL);
    expect(articles).toHaveLength(315);
    const extraction = extractStatements(articles);
    expect(extraction.statements.length).toBeGreaterThan(1000);
    expectWellFormed(articles, extraction);
  });
});
