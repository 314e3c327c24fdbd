import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { runCli, serveFixtures } from './cli-harness.js';

describe('briefbot add', () => {
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let dir: string;
  beforeAll(async () => {
    site = await serveFixtures();
  });
  afterAll(async () => {
    await site.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'briefbot-add-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a corpus file with the JSON-LD title, outlet, date and address, and the article text alone', async () => {
    const run = await runCli(['add', `${site.base}/jsonld-only`, '--corpus', dir, '--allow-private']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/title\s+Trust chiefs warn winter plan leaves A&E exposed\s+\(JSON-LD headline\)/);
    expect(run.out).toMatch(/published\s+2024-11-18\s+\(JSON-LD datePublished\)/);
    expect(run.out).toMatch(/Added .*2024-11-18-northern-health-gazette-trust-chiefs-warn-winter-plan-leaves-a-and\.md/);
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles).toHaveLength(1);
    const article = corpus.articles[0];
    expect(article).toMatchObject({
      title: 'Trust chiefs warn winter plan leaves A&E exposed',
      outlet: 'Northern Health Gazette',
      published: { value: '2024-11-18', precision: 'day', inferred: false },
      url: 'https://www.northernhealthgazette.co.uk/news/2024/11/trust-chiefs-warn-winter-plan/',
      byline: 'Priya Raman',
    });
    expect(article?.body.startsWith('Hospital trust leaders in the north of England')).toBe(true);
    expect(article?.body).toContain('\n\nMs Okafor said her trust had 140 patients');
    for (const chrome of ['Accept all', 'Related stories', 'Sign up for our newsletter', 'Privacy policy', '© 2024']) expect(article?.body).not.toContain(chrome);
    const text = await readFile(path.join(dir, (await readdir(dir))[0] ?? ''), 'utf8');
    expect(text).toMatch(new RegExp(`^---\\ntitle: Trust chiefs warn winter plan leaves A&E exposed\\noutlet: Northern Health Gazette\\npublished: 2024-11-18\\nurl: https://www.northernhealthgazette.co.uk/news/2024/11/trust-chiefs-warn-winter-plan/\\nbyline: Priya Raman\\nsource: briefbot add ${site.base}/jsonld-only on \\d{4}-\\d{2}-\\d{2}\\n---\\nHospital trust`));
  });

  it('says when the article is already in the corpus, by address and by text', async () => {
    await runCli(['add', `${site.base}/jsonld-only`, '--corpus', dir, '--allow-private']);
    const again = await runCli(['add', `${site.base}/jsonld-only`, '--corpus', dir, '--allow-private']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Not added: the corpus already has this article \(same address\) in 2024-11-18-northern-health-gazette/);
    const copy = await runCli(['add', `${site.base}/jsonld-only`, '--corpus', dir, '--allow-private', '--url', 'https://mirror.example.org/winter-plan']);
    expect(copy.out).toMatch(/same text/);
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('refuses a page on a private address without --allow-private, before fetching it', async () => {
    const hitsBefore = site.hits.length;
    const run = await runCli(['add', `${site.base}/jsonld-only`, '--corpus', dir]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/127\.0\.0\.1, a private or local address: refused \(use --allow-private/);
    expect(site.hits.length).toBe(hitsBefore);
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails with a clear message and writes nothing when no date is found or given', async () => {
    const run = await runCli(['add', `${site.base}/no-date`, '--corpus', dir, '--allow-private']);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/published\s+missing: no publication date found: give one with --published/);
    expect(run.out).toMatch(/title\s+Pharmacists to prescribe for seven common conditions/);
    expect(run.err).toMatch(/^briefbot add: no publication date found on the page: give one with --published YYYY-MM-DD/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes the date from --published and the outlet from --outlet', async () => {
    const run = await runCli(['add', `${site.base}/no-date`, '--corpus', dir, '--allow-private', '--published', '2023-10-09', '--outlet', 'Chemist Weekly (online)']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/published\s+2023-10-09\s+\(given with --published\)/);
    const [article] = (await loadCorpus(dir)).articles;
    expect(article).toMatchObject({ outlet: 'Chemist Weekly (online)', published: { value: '2023-10-09', inferred: false } });
    expect(await readdir(dir)).toEqual(['2023-10-09-chemist-weekly-online-pharmacists-to-prescribe-for-seven-common.md']);
  });

  it('rejects a --published that is not a date', async () => {
    const run = await runCli(['add', `${site.base}/no-date`, '--corpus', dir, '--allow-private', '--published', '9 Oct 2023']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/--published 9 Oct 2023: write the date as YYYY-MM-DD/);
  });

  it('refuses a paywall stub with its reason', async () => {
    const run = await runCli(['add', `${site.base}/paywall`, '--corpus', dir, '--allow-private']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/the page says the article is for subscribers only/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses what is not a web page', async () => {
    const run = await runCli(['add', `${site.base}/report-pdf`, '--corpus', dir, '--allow-private']);
    expect(run.err).toMatch(/is not a web page \(it is application\/pdf\)/);
    expect(run.code).toBe(1);
  });

  it('marks a date taken from a bare <time> as inferred and names the outlet after the site', async () => {
    const run = await runCli(['add', `${site.base}/time-only`, '--corpus', dir, '--allow-private']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/an estimate: correct it with --published/);
    expect(run.out).toMatch(/outlet\s+127\.0\.0\.1\s+\(site address/);
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.published).toMatchObject({ value: '2022-09-14', inferred: true, note: expect.stringMatching(/first <time>/) });
    expect(article?.url).toBe(`${site.base}/2022/09/council-approves-health-hub-eastmoor.html`);
  });

  it('adds a saved page, taking its address from the canonical link', async () => {
    const run = await runCli(['add', 'tests/fixtures/ingest/malformed.html', '--corpus', dir]);
    expect(run.code).toBe(0);
    const [article] = (await loadCorpus(dir)).articles;
    expect(article).toMatchObject({ outlet: 'Midlands Post', url: 'https://www.midlandspost.example.net/health/mental-health-waits-families', published: { value: '2021-03-09' } });
    expect(await readFile(path.join(dir, (await readdir(dir))[0] ?? ''), 'utf8')).toMatch(/source: briefbot add malformed.html \(saved page\)/);
  });

  it('asks for --url when a saved page does not give its address', async () => {
    const run = await runCli(['add', 'tests/fixtures/ingest/time-only.html', '--corpus', dir]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/give it with --url/);
    const fixed = await runCli(['add', 'tests/fixtures/ingest/time-only.html', '--corpus', dir, '--url', 'https://eastmoorcourier.example.com/2022/09/hub.html', '--outlet', 'Eastmoor Courier']);
    expect(fixed.code).toBe(0);
    expect(await readdir(dir)).toEqual(['2022-09-14-eastmoor-courier-council-approves-new-health-hub-for-eastmoor.md']);
  });

  it('refuses a file: address and a missing file', async () => {
    expect((await runCli(['add', 'file:///etc/passwd', '--corpus', dir])).err).toMatch(/only http:\/\/ and https:\/\//);
    expect((await runCli(['add', 'no/such/page.html', '--corpus', dir])).err).toMatch(/cannot read no\/such\/page\.html/);
  });
});

describe('briefbot import', () => {
  it('imports the Wikinews sample and prints a summary; a re-run skips every row', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefbot-import-cli-'));
    try {
      const run = await runCli(['import', 'tests/fixtures/wikinews-sample.jsonl', '--corpus', dir]);
      expect(run.code).toBe(0);
      expect(run.out).toBe(`Imported 20 articles into ${dir}; 0 already there (skipped); 0 bad lines.`);
      const again = await runCli(['import', 'tests/fixtures/wikinews-sample.jsonl', '--corpus', dir]);
      expect(again.out).toBe(`Imported 0 articles into ${dir}; 20 already there (skipped); 0 bad lines.`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
