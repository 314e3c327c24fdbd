import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidPublishedValue } from '../../src/corpus/article.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { parseArticleFile, splitFrontMatter } from '../../src/corpus/parse-article.js';

const INVALID = path.join(import.meta.dirname, '../fixtures/corpus-invalid');
const SEEDS = path.join(import.meta.dirname, '../../corpus');

describe('loadCorpus', () => {
  it('loads the five bundled articles with their dates and precision', async () => {
    const corpus = await loadCorpus(SEEDS);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map((a) => a.id)).toEqual([
      '2011-06-20-nhs-alliance-clinically-led-commissioning',
      '2012-01-pulse-dixon-warns-emasculated',
      '2012-11-22-gp-ccgs-demolition-experts',
      '2012-11-22-pharmatimes-demolition-experts',
      '2012-11-23-pharmafield-commissioners-demolition',
    ]);
    const pulse = corpus.articles[1]!;
    expect(pulse.published).toMatchObject({ value: '2012-01', precision: 'month', inferred: true });
    expect(corpus.articles[0]!.published).toEqual({ value: '2011-06-20', precision: 'day', inferred: false });
  });

  it('keeps each body byte for byte as received, odd quote marks included', async () => {
    const corpus = await loadCorpus(SEEDS);
    const pulse = corpus.articles.find((a) => a.id.includes('pulse'))!;
    expect(pulse.body.startsWith('This site is intended for health professionals only\n\nDixon warns commissioning groups at risk of being ’emasculated’')).toBe(true);
    expect(pulse.body).toContain("‘put its full weight' behind");
  });

  it('reports every broken file with its file and field, and still serves the good one', async () => {
    const corpus = await loadCorpus(INVALID);
    expect(corpus.articles.map((a) => a.id)).toEqual(['good-article']);
    const byFile = (name: string) => corpus.problems.filter((p) => path.basename(p.file) === name);
    expect(byFile('missing-title.md')).toEqual([expect.objectContaining({ field: 'title', message: 'is required' })]);
    expect(byFile('bad-date.md')[0]).toMatchObject({ field: 'published' });
    expect(byFile('bad-date.md')[0]!.message).toMatch(/YYYY-MM-DD/);
    expect(byFile('bad-url.md')[0]).toMatchObject({ field: 'url', message: 'must be an http(s) address' });
    expect(byFile('unknown-field.md')[0]).toMatchObject({ field: 'publshed' });
    expect(byFile('no-front-matter.md')[0]!.message).toMatch(/no front matter/);
    expect(byFile('invalid-yaml.md')[0]!.message).toMatch(/not valid YAML/);
    expect(byFile('empty-body.md')[0]).toMatchObject({ field: 'body' });
  });

  it('refuses a folder that does not exist', async () => {
    await expect(loadCorpus(path.join(INVALID, 'nope'))).rejects.toThrow(/ENOENT/);
  });
});

describe('the front matter', () => {
  it('accepts a year written as a number, as YAML reads `published: 2012`', () => {
    const r = parseArticleFile('x.md', '---\ntitle: T\noutlet: O\npublished: 2012\nurl: https://e.org/x\n---\nBody.');
    expect(r.problems).toEqual([]);
    expect(r.article!.published).toEqual({ value: '2012', precision: 'year', inferred: false });
  });

  it('records an inferred date with its reason', () => {
    const r = parseArticleFile('x.md', '---\ntitle: T\noutlet: O\npublished: 2012-11-22\npublished_inferred: from the event\nurl: https://e.org/x\n---\nBody.');
    expect(r.article!.published).toEqual({ value: '2012-11-22', precision: 'day', inferred: true, note: 'from the event' });
  });

  it('checks real calendar dates', () => {
    expect(isValidPublishedValue('2012-02-29')).toBe(true);
    expect(isValidPublishedValue('2011-02-29')).toBe(false);
    expect(isValidPublishedValue('2012-00')).toBe(false);
    expect(isValidPublishedValue('12-01-2012')).toBe(false);
  });

  it('splits the front matter from a body that itself contains a line "---"', () => {
    const parts = splitFrontMatter('---\ntitle: T\n---\nFirst\n---\nSecond');
    expect(parts).toEqual({ yaml: 'title: T\n', body: 'First\n---\nSecond' });
  });
});
