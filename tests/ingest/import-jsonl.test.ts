import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { importJsonl } from '../../src/ingest/import-jsonl.js';

const SAMPLE = path.resolve('tests/fixtures/wikinews-sample.jsonl');
const FULL = path.resolve('../shared/wikinews/articles.jsonl');

describe('importJsonl', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'briefbot-import-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the Wikinews sample into files the corpus loader reads, with the licence recorded', async () => {
    const report = await importJsonl(SAMPLE, dir);
    expect(report.added).toHaveLength(20);
    expect(report.bad).toEqual([]);
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles).toHaveLength(20);
    const first = corpus.articles.find((a) => a.title.startsWith('Magnitogorsk'));
    expect(first).toMatchObject({
      outlet: 'Wikinews',
      url: 'https://en.wikinews.org/wiki/Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead',
      licence: 'CC BY 2.5, Wikinews',
      published: { value: '2019-01-04', precision: 'day', inferred: false },
    });
    // The body is kept verbatim, so statement offsets point into the text as Wikinews published it.
    const row = JSON.parse((await readFile(SAMPLE, 'utf8')).split('\n')[0] ?? '') as { body: string };
    expect(first?.body).toBe(row.body);
    const names = await readdir(dir);
    expect(names).toContain('2019-01-04-wikinews-magnitogorsk-apartment-building-collapses-after-explosion.md');
    expect(names.every((n) => n.length <= 80 && /^[a-z0-9.-]+$/.test(n))).toBe(true);
  });

  it('adds nothing the second time, counting every row as a duplicate', async () => {
    await importJsonl(SAMPLE, dir);
    const again = await importJsonl(SAMPLE, dir);
    expect(again.added).toEqual([]);
    expect(again.duplicates).toHaveLength(20);
    expect(again.duplicates[0]).toMatchObject({ line: 1, by: 'url' });
    expect(await readdir(dir)).toHaveLength(20);
  });

  it('reports bad lines by number and imports the rest; same body under another address is a duplicate', async () => {
    const rows = (await readFile(SAMPLE, 'utf8')).trim().split('\n').slice(0, 2);
    const copy = { ...(JSON.parse(rows[0] ?? '') as Record<string, unknown>), url: 'https://mirror.example.org/magnitogorsk' };
    const batch = [
      rows[0],
      '{"title": "Half a line',
      JSON.stringify({ title: 'No date', outlet: 'Example', url: 'https://example.org/a', body: 'Text.' }),
      JSON.stringify({ title: 'Bad date', outlet: 'Example', date: '31/02/2020', url: 'https://example.org/b', body: 'Text.' }),
      JSON.stringify({ title: 'Bad address', outlet: 'Example', date: '2020-02-03', url: 'javascript:alert(1)', body: 'Text.' }),
      '',
      JSON.stringify({ title: 'Own licence', outlet: 'Example Times', date: '2020-02', url: 'https://example.org/c', body: 'Some text.', licence: 'CC BY 4.0', extra: 1 }),
      JSON.stringify(copy),
      rows[1],
    ].join('\n');
    const file = path.join(dir, 'batch.jsonl');
    await writeFile(file, batch);
    const corpusDir = path.join(dir, 'corpus');
    const report = await importJsonl(file, corpusDir);
    expect(report.bad.map((b) => b.line)).toEqual([2, 3, 4, 5]);
    expect(report.bad[0]?.message).toBe('not valid JSON');
    expect(report.bad[1]?.message).toBe('date: is required');
    expect(report.bad[2]?.message).toMatch(/^date: "31\/02\/2020" is not a date/);
    expect(report.bad[3]?.message).toMatch(/^url: /);
    expect(report.duplicates).toEqual([{ line: 8, by: 'body', file: expect.stringMatching(/magnitogorsk/) }]);
    expect(report.added).toHaveLength(3);
    const corpus = await loadCorpus(corpusDir);
    const own = corpus.articles.find((a) => a.title === 'Own licence');
    expect(own).toMatchObject({ licence: 'CC BY 4.0', published: { value: '2020-02', precision: 'month' } });
  });

  it.runIf(existsSync(FULL))('imports the whole Wikinews file when it is there', async () => {
    const started = Date.now();
    const report = await importJsonl(FULL, dir);
    const ms = Date.now() - started;
    expect(report.bad).toEqual([]);
    expect(report.added.length + report.duplicates.length).toBe(315);
    expect(report.added.length).toBeGreaterThan(300);
    const corpus = await loadCorpus(dir);
    expect(corpus.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(ms).toBeLessThan(15000);
  });
});
