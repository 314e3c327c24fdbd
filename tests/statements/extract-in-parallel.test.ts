import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyseArticle } from '../../src/statements/analyse-article.js';
import { decodeAnalyses, encodeAnalyses } from '../../src/statements/analysis-codec.js';
import { extractStatementsInParallel } from '../../src/statements/extract-statements-in-parallel.js';
import { extractStatements } from '../../src/statements/extract-statements.js';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/wikinews-sample.jsonl');

/** The 20 real articles of the fixture, as `briefbot import` maps Wikinews rows. */
function loadSample(): Article[] {
  return readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; title: string; outlet: string; date: string; url: string; body: string })
    .map((r) => ({ id: r.id, path: r.id, title: r.title, outlet: r.outlet, url: r.url, published: { value: r.date, precision: 'day' as const, inferred: false }, body: r.body }));
}

const article = (id: string, body: string): Article => ({
  id,
  path: id,
  title: id,
  outlet: 'The Test Herald',
  url: `https://example.org/${id}`,
  published: { value: '2020-01-01', precision: 'day', inferred: false },
  body,
});

describe('extractStatementsInParallel', () => {
  const articles = loadSample();

  // Names are learned across the corpus, so a worker that got the analysis wrong for one article
  // would show up as a different statement, speaker, alias or order anywhere in the output.
  it('gives exactly the statements and speakers of extractStatements on the Wikinews sample, with two workers', () => {
    const parallel = extractStatementsInParallel(articles, { minArticles: 1, threads: 2 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(extractStatements(articles)));
  });

  // "Constructor" reads as a pronoun (it is a key of every object), with a value no thread can be sent:
  // that article is analysed again on the calling thread, and the output does not change.
  it('analyses on the calling thread an article whose analysis cannot be sent, with the same output', () => {
    const odd = [...articles.slice(0, 5), article('odd', '“We will build the bridge next year,” Constructor said.'), ...articles.slice(5, 10)];
    const parallel = extractStatementsInParallel(odd, { minArticles: 1, threads: 2 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(extractStatements(odd)));
  });

  it('extracts a corpus below the threshold on the calling thread, with the same output', () => {
    expect(extractStatementsInParallel(articles.slice(0, 3))).toEqual(extractStatements(articles.slice(0, 3)));
  });
});

describe('encodeAnalyses and decodeAnalyses', () => {
  const articles = loadSample();
  const analyses = articles.map(analyseArticle);
  const decoded = decodeAnalyses(structuredClone(encodeAnalyses(analyses)), articles);

  it('rebuild every analysis of the sample as it was', () => {
    expect(decoded).toEqual(analyses);
  });

  // Attribution asks whether a sentence's quotation is its paragraph's last one by identity.
  it("give sentences their paragraph's own quotation objects", () => {
    const sentenceQuotes = decoded.flatMap((a) => a.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.quotes.map((q) => p.quotes.includes(q)))));
    expect(sentenceQuotes.length).toBeGreaterThan(20);
    expect(sentenceQuotes.every(Boolean)).toBe(true);
  });
});
