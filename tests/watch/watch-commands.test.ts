import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger, openBriefbot, type BriefbotEngine } from '../../src/index.js';
import { createWatchCommands, type WatchCommands } from '../../src/watch/watch-commands.js';
import { parseWatchCommand } from '../../src/watch/parse-watch-command.js';
import { scanNewArticles } from '../../src/watch/scan-new-articles.js';
import { openSqliteWatchStore } from '../../src/watch/sqlite-watch-store.js';
import type { WatchStore, WatchTarget } from '../../src/watch/watch.js';

const policy: WatchTarget = { platform: 'slack', channel: 'C1', label: '#policy' };
const other: WatchTarget = { platform: 'teams', channel: '19:abc@thread.tacv2', label: 'this chat' };

let engine: BriefbotEngine;
beforeAll(async () => {
  engine = await openBriefbot({ corpusDir: path.join(import.meta.dirname, '../../corpus'), cache: 'off', now: () => new Date('2026-11-23T12:00:00Z') });
});

let store: WatchStore;
let commands: WatchCommands;
beforeEach(() => {
  store = openSqliteWatchStore(':memory:');
  commands = createWatchCommands({ briefbot: engine, store, now: () => new Date('2026-12-04T09:00:00Z'), logger: createSilentLogger(), limit: 3 });
});

describe('parseWatchCommand', () => {
  it('reads watch, watches and unwatch, and leaves questions alone', () => {
    expect(parseWatchCommand('watch Dixon on senates')).toEqual({ kind: 'watch', question: 'Dixon on senates', daily: null });
    expect(parseWatchCommand('/brief watch quotes from Hunt')).toEqual({ kind: 'watch', question: 'quotes from Hunt', daily: null });
    expect(parseWatchCommand('watch "demolition experts"')).toEqual({ kind: 'watch', question: 'who said "demolition experts"', daily: null });
    expect(parseWatchCommand('watches')).toEqual({ kind: 'watches' });
    expect(parseWatchCommand('list watches')).toEqual({ kind: 'watches' });
    expect(parseWatchCommand('unwatch 2')).toEqual({ kind: 'unwatch', number: 2 });
    expect(parseWatchCommand('unwatch #3')).toEqual({ kind: 'unwatch', number: 3 });
    expect(parseWatchCommand('unwatch all of them')).toMatchObject({ kind: 'bad_watch' });
    expect(parseWatchCommand('watch')).toMatchObject({ kind: 'bad_watch' });
    expect(parseWatchCommand('what did Dixon say about senates?')).toBeNull();
    expect(parseWatchCommand('watchdog reports on the NHS')).toBeNull();
  });
});

describe('watch commands', () => {
  it('confirms a watch in the Searched words and counts the quotes that already match', async () => {
    const reply = await commands.handle('watch Dixon on senates', policy, 'U123');
    expect(reply).toMatchObject({ kind: 'watch_added' });
    // Two quotations of Dixon's name senates, and alerts post each direct quote of a quotation that does (four).
    expect(reply!.text).toBe('Watching for new quotes from Michael Dixon about "senates" in #policy; 2 quotes in the corpus already match.');
    const [saved] = await store.listWatches(policy);
    expect(saved).toMatchObject({ question: 'Dixon on senates', createdBy: 'U123', createdAt: '2026-12-04T09:00:00.000Z', target: policy });
    expect(saved!.interpretation.speaker?.name).toBe('Michael Dixon');
  });

  it('watches a phrase and a speaker without a topic', async () => {
    expect((await commands.handle('watch "demolition experts"', policy, 'U1'))!.text).toMatch(/^Watching for new quotes with the words "demolition experts" in #policy; \d+ quotes? in the corpus already match/);
    expect((await commands.handle('watch quotes from Dixon', policy, 'U1'))!.text).toMatch(/^Watching for new quotes from Michael Dixon in #policy; \d+ quotes in the corpus already match\.$/);
  });

  it('says when nothing matches yet rather than refusing', async () => {
    const reply = await commands.handle('watch Andrew Lansley on clinical commissioning', policy, 'U1');
    expect(reply!.kind).toBe('watch_added');
    expect(reply!.text).toMatch(/no quotes in the corpus match yet\.$/);
  });

  it('lists a channel’s watches with numbers and removes one by its number', async () => {
    await commands.handle('watch Dixon on senates', policy, 'U1');
    await commands.handle('watch "demolition experts"', policy, 'U2');
    await commands.handle('watch Dixon', other, 'U3');
    const list = await commands.handle('watches', policy, 'U1');
    expect(list!.text.split('\n')).toEqual([
      'Watched in #policy:',
      '1. quotes from Michael Dixon about "senates" (set by U1, 2026-12-04)',
      '2. quotes with the words "demolition experts" (set by U2, 2026-12-04)',
      'Remove one with: unwatch N',
    ]);
    const removed = await commands.handle('unwatch 1', policy, 'U1');
    expect(removed).toMatchObject({ kind: 'watch_removed', text: 'Stopped watching for new quotes from Michael Dixon about "senates" in #policy.' });
    expect((await store.listWatches(policy)).map((w) => w.question)).toEqual(['who said "demolition experts"']);
    expect(await store.listWatches(other)).toHaveLength(1);
    expect((await commands.handle('unwatch 5', policy, 'U1'))!.text).toBe('There is no watch 5 in #policy: the watches here are numbered 1 to 1 (type "watches" for the list).');
  });

  it('refuses past the per-channel limit with a clear message, other channels unaffected', async () => {
    for (const q of ['Dixon', 'Dixon on senates', '"demolition experts"']) expect((await commands.handle(`watch ${q}`, policy, 'U1'))!.kind).toBe('watch_added');
    const refused = await commands.handle('watch quotes from Hunt', policy, 'U1');
    expect(refused).toMatchObject({ kind: 'watch_refused', text: '#policy already has 3 watches, the most a channel can have. Remove one first (type "watches", then unwatch N).' });
    expect(await store.listWatches(policy)).toHaveLength(3);
    expect((await commands.handle('watch quotes from Hunt', other, 'U1'))!.kind).toBe('watch_added');
  });

  it('refuses commands and empty watches politely', async () => {
    expect((await commands.handle('watch help', policy, 'U1'))!.kind).toBe('watch_refused');
    expect((await commands.handle('watch', policy, 'U1'))!.text).toMatch(/^Say what to watch for/);
    expect((await commands.handle('watches', policy, 'U1'))!.text).toBe('Nothing is watched in #policy. Try: watch Dixon on senates');
    expect(await commands.handle('what did Dixon say about senates?', policy, 'U1')).toBeNull();
  });

  it('counts exactly what alerts would post if the whole corpus arrived now', async () => {
    const questions = ['Dixon on senates', 'quotes from Dixon', '"demolition experts"', 'Hunt', 'quotes from Hunt about the NHS', 'who said "clinical commissioning"'];
    const counts = new Map<string, number>();
    for (const question of questions) {
      const text = (await commands.handle(`watch ${question}`, { platform: 'slack', channel: `C-${question}`, label: '#x' }, 'U1'))!.text;
      const found = /; (\d+) quotes? in the corpus already match|no quotes in the corpus match yet/.exec(text);
      expect(found, text).not.toBeNull();
      counts.set(question, Number(found![1] ?? 0));
    }
    // The scan treats every article as new (scanned before: none), so it records one delivery per post an alert would make.
    await store.markScanned([]);
    const scan = await scanNewArticles(engine, store, () => new Date('2026-12-04T10:00:00Z'), createSilentLogger());
    const watches = await store.listWatches();
    for (const question of questions) {
      const watch = watches.find((w) => w.target.channel === `C-${question}`)!;
      expect(scan.deliveries.filter((d) => d.watchId === watch.id).length, question).toBe(counts.get(question));
    }
    expect([...counts.values()].some((n) => n > 1)).toBe(true);
  });

  it('posts one quotation once, led by its sentence with the topic, however many of its sentences match', async () => {
    await commands.handle('watch Dixon on senates', policy, 'U1');
    await store.markScanned([]);
    const scan = await scanNewArticles(engine, store, () => new Date('2026-12-04T10:00:00Z'), createSilentLogger());
    // Dixon's first senates quotation has two sentences, and "All practices … need to be involved." has no
    // "senates": the alerts are the two results `ask` shows, each led by its sentence about senates.
    const answer = await engine.ask('what did Dixon say about senates?');
    if (answer.kind !== 'results') throw new Error(answer.kind);
    expect(new Set(scan.deliveries.map((d) => d.remark))).toEqual(new Set(answer.results.map((r) => r.id)));
    expect(answer.results.every((r) => /senates/i.test(r.text))).toBe(true);
  });
});
