import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackWatchPoster } from '../../adapters/slack/post-watch-message.js';
import { createSilentLogger, openBriefbot, type BriefbotEngine, type WatchStore } from '../../src/index.js';
import { latestDigestSlot, zonedInstant } from '../../src/watch/daily-slot.js';
import { deliverPending } from '../../src/watch/deliver-watches.js';
import { startDigestClock } from '../../src/watch/digest-clock.js';
import { parseWatchCommand } from '../../src/watch/parse-watch-command.js';
import { openSqliteWatchStore, watchStorePath } from '../../src/watch/sqlite-watch-store.js';
import { createWatchCommands } from '../../src/watch/watch-commands.js';
import { loadWatchConfig } from '../../src/watch/watch-config.js';
import { createWatchRunner } from '../../src/watch/watch-runner.js';
import type { Watch } from '../../src/watch/watch.js';

const London = 'Europe/London';
const iso = (ms: number) => new Date(ms).toISOString();

describe('parseWatchCommand: daily digests', () => {
  it('takes "daily at" off the end in its usual spellings, and hands the rest on as the question', () => {
    expect(parseWatchCommand('watch Dixon on senates daily at 8:00')).toEqual({ kind: 'watch', question: 'Dixon on senates', daily: { hour: 8, minute: 0 } });
    expect(parseWatchCommand('watch Dixon on senates daily at 8am')).toEqual({ kind: 'watch', question: 'Dixon on senates', daily: { hour: 8, minute: 0 } });
    expect(parseWatchCommand('watch quotes from Hunt daily at 17:30.')).toEqual({ kind: 'watch', question: 'quotes from Hunt', daily: { hour: 17, minute: 30 } });
    expect(parseWatchCommand('watch "demolition experts" every day at 8.30 p.m.')).toEqual({ kind: 'watch', question: 'who said "demolition experts"', daily: { hour: 20, minute: 30 } });
    expect(parseWatchCommand('watch Hunt, daily at 12am')).toMatchObject({ question: 'Hunt', daily: { hour: 0, minute: 0 } });
    expect(parseWatchCommand('watch Hunt daily at 12pm')).toMatchObject({ daily: { hour: 12, minute: 0 } });
    expect(parseWatchCommand('watch the daily mail on senates')).toEqual({ kind: 'watch', question: 'the daily mail on senates', daily: null });
  });

  it('refuses a time that is not one, with an example', () => {
    for (const text of ['watch Dixon daily at 25:00', 'watch Dixon daily at 8:75', 'watch Dixon daily at 13pm', 'watch Dixon daily', 'watch Dixon daily at noonish']) {
      expect(parseWatchCommand(text)).toEqual({ kind: 'bad_watch', message: 'Say when to post the daily digest, for example: watch Dixon on senates daily at 8:00 (or at 8am, at 17:30).' });
    }
  });
});

describe('latestDigestSlot', () => {
  const at8 = { hour: 8, minute: 0, timeZone: London };
  it('is 08:00 GMT in winter and 07:00 UTC once British Summer Time begins (29 March 2026)', () => {
    expect(iso(latestDigestSlot(at8, new Date('2026-03-28T09:00:00Z')).getTime())).toBe('2026-03-28T08:00:00.000Z');
    expect(iso(latestDigestSlot(at8, new Date('2026-03-29T09:00:00Z')).getTime())).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(latestDigestSlot(at8, new Date('2026-10-25T09:00:00Z')).getTime())).toBe('2026-10-25T08:00:00.000Z');
  });

  it('is yesterday’s until today’s time has come', () => {
    expect(iso(latestDigestSlot(at8, new Date('2026-12-04T07:59:59Z')).getTime())).toBe('2026-12-03T08:00:00.000Z');
    expect(iso(latestDigestSlot(at8, new Date('2026-12-04T08:00:00Z')).getTime())).toBe('2026-12-04T08:00:00.000Z');
    // Kolkata is 5 h 30 ahead all year: 08:00 there is 02:30 UTC.
    expect(iso(latestDigestSlot({ hour: 8, minute: 0, timeZone: 'Asia/Kolkata' }, new Date('2026-12-04T03:00:00Z')).getTime())).toBe('2026-12-04T02:30:00.000Z');
  });

  it('puts a time the clocks skip after the change, and a time they repeat at its first occurrence', () => {
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT; 02:30 does not exist and means 03:30 EDT.
    expect(iso(zonedInstant(2026, 3, 8, 2, 30, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    // 1 November 2026: 01:30 happens in EDT, then again in EST; the first is 05:30 UTC.
    expect(iso(zonedInstant(2026, 11, 1, 1, 30, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedInstant(2026, 7, 1, 8, 0, 'America/New_York'))).toBe('2026-07-01T12:00:00.000Z');
  });
});

describe('BRIEFBOT_TZ', () => {
  it('defaults to UTC and takes an IANA name; anything else stops the start with what to set', () => {
    expect(loadWatchConfig({})).toEqual({ limit: 10, timeZone: 'UTC' });
    expect(loadWatchConfig({ BRIEFBOT_TZ: 'Europe/London', BRIEFBOT_WATCH_LIMIT: '4' })).toEqual({ limit: 4, timeZone: London });
    expect(() => loadWatchConfig({ BRIEFBOT_TZ: 'Mars/Olympus' })).toThrow('BRIEFBOT_TZ must be an IANA time zone such as Europe/London or America/New_York');
    expect(() => loadWatchConfig({ BRIEFBOT_WATCH_LIMIT: 'lots' })).toThrow('BRIEFBOT_WATCH_LIMIT must be a whole number from 1 to 100');
  });
});

const API_ORIGIN = 'https://slack.daily.test';
const DEMOLITION = '2012-11-22-gp-ccgs-demolition-experts#186';
let engine: BriefbotEngine;
beforeAll(async () => {
  nock.disableNetConnect();
  engine = await openBriefbot({ corpusDir: path.join(import.meta.dirname, '../../corpus'), cache: 'off', now: () => new Date('2026-11-23T12:00:00Z') });
});
afterAll(() => nock.enableNetConnect());

describe('daily digests', () => {
  let dir: string;
  let store: WatchStore;
  let clock: Date;
  const now = () => clock;
  const poster = createSlackWatchPoster({ token: 'xoxb-daily', apiUrl: `${API_ORIGIN}/api/` });
  const deliver = () => deliverPending({ store, posters: [poster], result: (id) => engine.result(id), logger: createSilentLogger(), now, sleep: async () => undefined });
  const reopen = async () => {
    await store.close();
    store = openSqliteWatchStore(watchStorePath(dir));
  };
  const slackPosts = () => {
    const bodies: Array<Record<string, unknown>> = [];
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage', (body: Record<string, unknown>) => (bodies.push(body), true))
      .reply(200, { ok: true });
    return { scope, bodies };
  };
  let watch: Watch;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'briefbot-daily-'));
    store = openSqliteWatchStore(watchStorePath(dir));
    clock = new Date('2026-12-03T12:00:00Z');
    const commands = createWatchCommands({ briefbot: engine, store, now, logger: createSilentLogger(), timeZone: London });
    const reply = await commands.handle('watch "demolition experts" daily at 8am', { platform: 'slack', channel: 'C9', label: '#policy' }, 'U1');
    expect(reply!.text).toMatch(/^Watching for new quotes with the words "demolition experts" in #policy, daily at 08:00 \(Europe\/London\); /);
    expect((await commands.handle('watches', { platform: 'slack', channel: 'C9', label: '#policy' }, 'U1'))!.text.split('\n')[1]).toBe(
      '1. quotes with the words "demolition experts", daily at 08:00 (Europe/London) (set by U1, 2026-12-03)',
    );
    watch = (await store.listWatches())[0]!;
  });
  afterEach(async () => {
    await store.close();
    nock.cleanAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds a match until the digest time, posts one digest then, and a restart does not post it again', async () => {
    await store.addDeliveries([{ watchId: watch.id, remark: DEMOLITION, statementIds: [DEMOLITION] }], '2026-12-03T15:00:00.000Z');
    const { scope, bodies } = slackPosts();
    clock = new Date('2026-12-04T07:59:00Z');
    expect(await deliver()).toEqual({ posted: 0, failed: [] });
    expect(bodies).toHaveLength(0);
    expect(await store.pendingDeliveries()).toHaveLength(1);

    clock = new Date('2026-12-04T08:00:30Z');
    expect(await deliver()).toEqual({ posted: 1, failed: [] });
    expect(scope.isDone()).toBe(true);
    expect(bodies[0]).toMatchObject({ channel: 'C9', text: 'Daily digest: 1 new quote, quotes with the words "demolition experts"' });
    expect(JSON.stringify(bodies[0]!.blocks)).toContain('Clinical commissioners must become demolition experts.');
    expect(await store.lastDigest(watch.id)).toEqual({ watchId: watch.id, slot: '2026-12-04T08:00:00.000Z', status: 'posted', matches: 1 });

    await reopen();
    clock = new Date('2026-12-04T08:05:00Z');
    expect(await deliver()).toEqual({ posted: 0, failed: [] });
  });

  it('posts nothing when nothing new arrived, and a match after that day’s time waits for the next day', async () => {
    clock = new Date('2026-12-04T08:01:00Z');
    expect(await deliver()).toEqual({ posted: 0, failed: [] });
    expect(await store.lastDigest(watch.id)).toMatchObject({ slot: '2026-12-04T08:00:00.000Z', status: 'empty', matches: 0 });
    await store.addDeliveries([{ watchId: watch.id, remark: DEMOLITION, statementIds: [DEMOLITION] }], '2026-12-04T09:00:00.000Z');
    clock = new Date('2026-12-04T09:01:00Z');
    expect(await deliver()).toEqual({ posted: 0, failed: [] });
    const { scope } = slackPosts();
    clock = new Date('2026-12-05T08:00:00Z');
    expect(await deliver()).toEqual({ posted: 1, failed: [] });
    expect(scope.isDone()).toBe(true);
  });

  it('sends a digest the server was down for once, when it starts again', async () => {
    await store.addDeliveries([{ watchId: watch.id, remark: DEMOLITION, statementIds: [DEMOLITION] }], '2026-12-03T15:00:00.000Z');
    await reopen();
    const { scope, bodies } = slackPosts();
    clock = new Date('2026-12-04T10:30:00Z');
    expect(await deliver()).toEqual({ posted: 1, failed: [] });
    await reopen();
    expect(await deliver()).toEqual({ posted: 0, failed: [] });
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(1);
  });

  it('is checked every minute by the digest clock, through the runner', async () => {
    await store.addDeliveries([{ watchId: watch.id, remark: DEMOLITION, statementIds: [DEMOLITION] }], '2026-12-03T15:00:00.000Z');
    const runner = createWatchRunner({ store, posters: [poster], logger: createSilentLogger(), now, sleep: async () => undefined });
    await runner.onEngine(engine);
    const due: Array<{ fn: () => Promise<void>; ms: number }> = [];
    const stop = startDigestClock(runner, (fn, ms) => (due.push({ fn, ms }), () => undefined));
    expect(due.map((d) => d.ms)).toEqual([60_000]);
    const { scope } = slackPosts();
    clock = new Date('2026-12-04T07:59:00Z');
    await due.at(-1)!.fn();
    expect(scope.isDone()).toBe(false);
    clock = new Date('2026-12-04T08:00:10Z');
    await due.at(-1)!.fn();
    expect(scope.isDone()).toBe(true);
    expect(due).toHaveLength(3);
    stop();
  });
});
