import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFeedPoller, nextDelay } from '../../src/feeds/feed-poller.js';
import { readFeedState } from '../../src/feeds/feed-state.js';
import { loadFeedsFile, type FeedEntry } from '../../src/feeds/feeds-file.js';
import type { ResolveHost } from '../../src/ingest/fetch-page.js';
import { createSilentLogger } from '../../src/index.js';
import { rssFeed, rssItem } from './rss.js';

const resolveHost: ResolveHost = async () => [{ address: '93.184.216.34', family: 4 }];
const now = () => new Date('2026-12-04T09:00:00Z');

let dir: string;
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'briefbot-feeds-'));
});
afterEach(() => {
  nock.cleanAll();
  rmSync(dir, { recursive: true, force: true });
});

const poller = (feeds: FeedEntry[]) =>
  createFeedPoller({ corpusDir: dir, feeds, logger: createSilentLogger(), now, schedule: () => () => undefined, random: () => 0.5, fetch: { resolveHost, timeoutMs: 300 } });
const feed = (url: string): FeedEntry => ({ url, every: 60_000, allow_private: false });
const articles = () => readdirSync(dir).filter((f) => f.endsWith('.md'));

describe('feeds.yml', () => {
  it('reads url, every, outlet and allow_private, and names the field of a bad entry', async () => {
    writeFileSync(path.join(dir, 'feeds.yml'), 'feeds:\n  - url: https://www.example.com/health/rss.xml\n    every: 15m\n    outlet: Pulse\n  - url: http://10.0.0.5/feed\n    every: 2h\n    allow_private: true\n');
    expect(await loadFeedsFile(dir)).toEqual({
      kind: 'feeds',
      feeds: [
        { url: 'https://www.example.com/health/rss.xml', every: 900_000, outlet: 'Pulse', allow_private: false },
        { url: 'http://10.0.0.5/feed', every: 7_200_000, allow_private: true },
      ],
    });
    writeFileSync(path.join(dir, 'feeds.yml'), 'feeds:\n  - url: https://www.example.com/rss\n    every: 1s\n');
    expect(await loadFeedsFile(dir)).toEqual({ kind: 'invalid', message: 'feeds.yml: error: feeds[0].every: must be at least 5s' });
    writeFileSync(path.join(dir, 'feeds.yml'), 'feeds:\n  - url: ftp://x/feed\n    every: 5 minutes\n');
    expect((await loadFeedsFile(dir)).kind).toBe('invalid');
    writeFileSync(path.join(dir, 'feeds.yml'), 'feeds: [unclosed');
    expect(await loadFeedsFile(dir)).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^feeds\.yml: error: not valid YAML/) });
  });

  it('waits the interval ±10 %, doubling it after each failure in a row, at most 6 hours', () => {
    expect(nextDelay(60_000, 0, 0.5)).toBe(60_000);
    expect(nextDelay(60_000, 0, 0)).toBe(54_000);
    expect(nextDelay(60_000, 2, 0.5)).toBe(240_000);
    expect(nextDelay(3_600_000, 10, 0.5)).toBe(6 * 3_600_000);
  });
});

describe('polling a feed', () => {
  it('adds new items, then asks with If-None-Match and If-Modified-Since and takes a 304 as nothing new', async () => {
    const url = 'https://feeds.example.com/health.rss';
    nock('https://feeds.example.com').get('/health.rss').reply(200, rssFeed([rssItem(1)]), { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Thu, 03 Dec 2026 08:00:00 GMT' });
    const p = poller([feed(url)]);
    const firstPoll = await p.pollOnce(feed(url));
    expect(readFeedState(dir)[url]?.lastError ?? null).toBeNull();
    expect(firstPoll).toEqual({ kind: 'added', url, added: 1 });
    expect(articles()).toHaveLength(1);
    const conditional = nock('https://feeds.example.com', { reqheaders: { 'if-none-match': '"v1"', 'if-modified-since': 'Thu, 03 Dec 2026 08:00:00 GMT' } }).get('/health.rss').reply(304);
    expect(await p.pollOnce(feed(url))).toEqual({ kind: 'not_modified', url });
    expect(conditional.isDone()).toBe(true);
    expect(readFeedState(dir)[url]).toMatchObject({ itemsAdded: 1, lastError: null, failures: 0, etag: '"v1"', lastFetch: '2026-12-04T09:00:00.000Z' });
  });

  it('one failing, one timing out and one garbage feed do not stop a good one; each error is recorded', async () => {
    nock('https://down.example.com').get('/rss').reply(500, 'oops');
    nock('https://slow.example.com').get('/rss').delay(2000).reply(200, rssFeed([rssItem(2)]));
    nock('https://junk.example.com').get('/rss').reply(200, '<html><body>not a feed {{{', { 'content-type': 'text/html' });
    nock('https://good.example.com').get('/rss').reply(200, rssFeed([rssItem(3)]), { 'content-type': 'application/rss+xml' });
    const feeds = ['https://down.example.com/rss', 'https://slow.example.com/rss', 'https://junk.example.com/rss', 'https://good.example.com/rss'].map(feed);
    const p = poller(feeds);
    const outcomes = await Promise.all(feeds.map((f) => p.pollOnce(f)));
    expect(outcomes.map((o) => (o.kind === 'failed' ? o.code : o.kind))).toEqual(['http_status', 'timeout', 'bad_feed', 'added']);
    expect(articles()).toHaveLength(1);
    const state = readFeedState(dir);
    expect(state['https://down.example.com/rss']).toMatchObject({ failures: 1, lastError: 'https://down.example.com/rss answered HTTP 500: nothing added' });
    expect(state['https://junk.example.com/rss']?.lastError).toBe('https://junk.example.com/rss is not an RSS or Atom feed: check the address');
    expect(state['https://slow.example.com/rss']?.lastError).toMatch(/did not answer within 0.3 s/);
  });

  it('refuses a feed on a private address unless allow_private is set', async () => {
    const privateHost: ResolveHost = async () => [{ address: '10.1.2.3', family: 4 }];
    const p = createFeedPoller({ corpusDir: dir, feeds: [], logger: createSilentLogger(), now, schedule: () => () => undefined, random: () => 0.5, fetch: { resolveHost: privateHost } });
    const refused = await p.pollOnce(feed('http://intranet.example/rss'));
    expect(refused.kind).toBe('failed');
    nock('http://intranet.example').get('/rss').reply(200, rssFeed([rssItem(4)]), { 'content-type': 'application/rss+xml' });
    expect(await p.pollOnce({ ...feed('http://intranet.example/rss'), allow_private: true })).toMatchObject({ kind: 'added', added: 1 });
  });

  it('schedules each feed after a jittered part of its interval, and again after each poll', async () => {
    const calls: number[] = [];
    const pending: Array<() => Promise<void>> = [];
    nock('https://feeds.example.com').get('/a.rss').reply(200, rssFeed([]), { 'content-type': 'application/rss+xml' });
    const p = createFeedPoller({
      corpusDir: dir,
      feeds: [feed('https://feeds.example.com/a.rss')],
      logger: createSilentLogger(),
      now,
      schedule: (fn, ms) => (calls.push(ms), pending.push(fn), () => undefined),
      random: () => 0.25,
      fetch: { resolveHost },
    });
    p.start();
    expect(calls).toEqual([15_000]);
    await pending.shift()!();
    expect(calls).toEqual([15_000, 57_000]);
    p.stop();
  });
});
