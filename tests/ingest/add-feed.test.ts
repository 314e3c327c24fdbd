import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { addFeed } from '../../src/ingest/add-feed.js';
import type { ResolveHost } from '../../src/ingest/fetch-page.js';

const fixture = (name: string) => readFileSync(path.resolve('tests/fixtures/ingest', name));
/** Every test host resolves to a public documentation-free address, so only the limits under test apply. */
const resolveHost: ResolveHost = async () => [{ address: '93.184.216.34', family: 4 }];
const HTML = { 'content-type': 'text/html; charset=utf-8' };

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('addFeed', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'briefbot-feed-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds every RSS item: full text from the feed, the others from their pages', async () => {
    const feed = nock('https://news.example.com').get('/feed.rss').reply(200, fixture('feed.rss'), { 'content-type': 'application/rss+xml' });
    const page1 = nock('https://www.northernhealthgazette.co.uk').get('/news/2024/11/trust-chiefs-warn-winter-plan/').reply(200, fixture('jsonld-only.html'), HTML);
    const page2 = nock('https://primarycaretoday.example.com').get('/news/gps-contract-practice-nursing').reply(200, fixture('og-only.html'), HTML);
    const report = await addFeed('https://news.example.com/feed.rss', { corpusDir: dir, fetch: { resolveHost } });
    expect([feed, page1, page2].every((s) => s.isDone())).toBe(true);
    expect(report.feedTitle).toBe('Health Policy Wire');
    expect(report.items.map((i) => [i.kind, i.kind === 'added' ? i.from : null])).toEqual([['added', 'feed'], ['added', 'page'], ['added', 'page']]);

    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    const dental = corpus.articles.find((a) => a.title.startsWith('Dental'));
    expect(dental).toMatchObject({
      outlet: 'Health Policy Wire',
      byline: 'Sam Ortiz',
      published: { value: '2024-11-19', inferred: false },
      // Tracking parameters are not part of the article's address.
      url: 'https://news.example.com/2024/11/dental-contract-reform-delayed',
    });
    expect(dental?.body).toContain('"Every month of delay means more practices handing back their NHS contracts');
    // A linked page keeps its own metadata: its publisher, not the feed's title.
    expect(corpus.articles.find((a) => a.title.startsWith('Trust chiefs'))?.outlet).toBe('Northern Health Gazette');
  });

  it('adds nothing and fetches no page when run again', async () => {
    nock('https://news.example.com').get('/feed.rss').twice().reply(200, fixture('feed.rss'), { 'content-type': 'application/rss+xml' });
    nock('https://www.northernhealthgazette.co.uk').get('/news/2024/11/trust-chiefs-warn-winter-plan/').once().reply(200, fixture('jsonld-only.html'), HTML);
    nock('https://primarycaretoday.example.com').get('/news/gps-contract-practice-nursing').once().reply(200, fixture('og-only.html'), HTML);
    await addFeed('https://news.example.com/feed.rss', { corpusDir: dir, fetch: { resolveHost } });
    const again = await addFeed('https://news.example.com/feed.rss', { corpusDir: dir, fetch: { resolveHost } });
    expect(again.items.map((i) => i.kind)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await readdir(dir)).toHaveLength(3);
    expect(nock.isDone()).toBe(true);
  });

  it('reads an Atom feed, and prefers the feed date to a date guessed from the page', async () => {
    nock('https://eastmoorcourier.example.com')
      .get('/health/atom.xml').reply(200, fixture('feed.atom'), { 'content-type': 'application/atom+xml' })
      .get('/2022/09/council-approves-health-hub-eastmoor.html').reply(200, fixture('time-only.html'), HTML);
    const report = await addFeed('https://eastmoorcourier.example.com/health/atom.xml', { corpusDir: dir, fetch: { resolveHost } });
    expect(report.items.map((i) => i.kind)).toEqual(['added', 'added']);
    const corpus = await loadCorpus(dir);
    const walkIn = corpus.articles.find((a) => a.title.startsWith('Walk-in'));
    expect(walkIn).toMatchObject({ outlet: 'Eastmoor Courier: Health', byline: 'Grace Lin', published: { value: '2022-09-19', inferred: false } });
    expect(walkIn?.body.split('\n\n')).toHaveLength(6);
    const hub = corpus.articles.find((a) => a.title.startsWith('Council approves'));
    expect(hub).toMatchObject({ outlet: 'Eastmoor Courier: Health', published: { value: '2022-09-14', inferred: false } });
  });

  it('reports an item whose page is refused and adds the others', async () => {
    nock('https://news.example.com').get('/feed.rss').reply(200, fixture('feed.rss'), { 'content-type': 'application/rss+xml' });
    nock('https://www.northernhealthgazette.co.uk').get('/news/2024/11/trust-chiefs-warn-winter-plan/').reply(302, '', { location: 'http://169.254.169.254/latest/meta-data/' });
    nock('https://primarycaretoday.example.com').get('/news/gps-contract-practice-nursing').reply(200, fixture('paywall.html'), HTML);
    const report = await addFeed('https://news.example.com/feed.rss', { corpusDir: dir, fetch: { resolveHost } });
    expect(report.items.map((i) => i.kind)).toEqual(['added', 'failed', 'failed']);
    expect(report.items[1]).toMatchObject({ message: expect.stringMatching(/169\.254\.169\.254, a private or local address/) });
    expect(report.items[2]).toMatchObject({ message: expect.stringMatching(/subscribers only/) });
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('refuses what is not a feed', async () => {
    nock('https://news.example.com').get('/index.html').reply(200, fixture('og-only.html'), HTML);
    await expect(addFeed('https://news.example.com/index.html', { corpusDir: dir, fetch: { resolveHost } })).rejects.toThrow(/not an RSS or Atom feed/);
  });
});
