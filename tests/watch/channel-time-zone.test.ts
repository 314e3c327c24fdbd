import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger, openBriefbot, type BriefbotEngine } from '../../src/index.js';
import { latestDigestSlot } from '../../src/watch/daily-slot.js';
import { parseWatchCommand } from '../../src/watch/parse-watch-command.js';
import { openSqliteWatchStore } from '../../src/watch/sqlite-watch-store.js';
import { createWatchCommands, type WatchCommands } from '../../src/watch/watch-commands.js';
import type { WatchStore, WatchTarget } from '../../src/watch/watch.js';

const policy: WatchTarget = { platform: 'slack', channel: 'C1', label: '#policy' };
const tokyo: WatchTarget = { platform: 'teams', channel: '19:tokyo@thread.tacv2', label: 'Tokyo desk' };

describe('parseWatchCommand: time zones', () => {
  it('reads the channel time zone command in its usual spellings', () => {
    expect(parseWatchCommand('timezone')).toEqual({ kind: 'timezone', zone: null, clear: false });
    expect(parseWatchCommand('/brief time zone Europe/London')).toEqual({ kind: 'timezone', zone: 'Europe/London', clear: false });
    expect(parseWatchCommand('set timezone to Asia/Tokyo.')).toEqual({ kind: 'timezone', zone: 'Asia/Tokyo', clear: false });
    expect(parseWatchCommand('tz UTC')).toEqual({ kind: 'timezone', zone: 'UTC', clear: false });
    expect(parseWatchCommand('timezone default')).toEqual({ kind: 'timezone', zone: null, clear: true });
    // Questions that merely mention time zones stay questions.
    expect(parseWatchCommand('what did Dixon say about time zones?')).toBeNull();
    expect(parseWatchCommand('timezone changes in Europe')).toBeNull();
  });

  it('takes a time zone after the daily time, with or without "in" or brackets', () => {
    expect(parseWatchCommand('watch Dixon on senates daily at 8:00 Europe/London')).toEqual({ kind: 'watch', question: 'Dixon on senates', daily: { hour: 8, minute: 0, timeZone: 'Europe/London' } });
    expect(parseWatchCommand('watch Hunt every day at 7am in America/Argentina/Buenos_Aires')).toMatchObject({ daily: { hour: 7, minute: 0, timeZone: 'America/Argentina/Buenos_Aires' } });
    expect(parseWatchCommand('watch Hunt daily at 17:30 (UTC)')).toMatchObject({ daily: { hour: 17, minute: 30, timeZone: 'UTC' } });
    expect(parseWatchCommand('watch Hunt daily at Europe/London')).toMatchObject({ kind: 'bad_watch' });
  });
});

describe('a channel’s own time zone for daily digests', () => {
  let engine: BriefbotEngine;
  let store: WatchStore;
  let commands: WatchCommands;
  beforeAll(async () => {
    engine = await openBriefbot({ corpusDir: path.join(import.meta.dirname, '../../corpus'), cache: 'off', now: () => new Date('2026-11-23T12:00:00Z') });
  });
  beforeEach(() => {
    store = openSqliteWatchStore(':memory:');
    commands = createWatchCommands({ briefbot: engine, store, now: () => new Date('2026-12-04T09:00:00Z'), logger: createSilentLogger(), timeZone: 'Europe/London' });
  });

  it('shows the server default until the channel sets its own, then uses it for new daily watches', async () => {
    expect((await commands.handle('timezone', policy, 'U1'))!.text).toBe(
      "Daily digests in #policy are read in Europe/London (the server's default; set one for #policy with: timezone Europe/London).",
    );
    const set = await commands.handle('timezone asia/tokyo', tokyo, 'U1');
    // Intl's spelling is kept, whatever the case typed.
    expect(set).toEqual({ kind: 'watch_timezone', text: 'Daily digests in Tokyo desk are now read in Asia/Tokyo.' });
    expect((await commands.handle('timezone', tokyo, 'U1'))!.text).toBe('Daily digests in Tokyo desk are read in Asia/Tokyo (set for Tokyo desk).');

    const added = await commands.handle('watch Dixon on senates daily at 8:00', tokyo, 'U1');
    expect(added!.text).toMatch(/^Watching for new quotes from Michael Dixon about "senates" in Tokyo desk, daily at 08:00 \(Asia\/Tokyo\); /);
    const [watch] = await store.listWatches(tokyo);
    // 08:00 in Tokyo is 23:00 UTC the day before.
    expect(latestDigestSlot(watch!.daily!, new Date('2026-12-04T09:00:00Z')).toISOString()).toBe('2026-12-03T23:00:00.000Z');
    // Another channel is untouched.
    expect((await commands.handle('watch Dixon on senates daily at 8:00', policy, 'U1'))!.text).toMatch(/daily at 08:00 \(Europe\/London\)/);
  });

  it('moves the channel’s existing digests to a new zone at the same local time, and back to the default when cleared', async () => {
    await commands.handle('watch Dixon on senates daily at 8:00', policy, 'U1');
    await commands.handle('watch quotes from Hunt', policy, 'U1');
    expect((await commands.handle('timezone America/New_York', policy, 'U1'))!.text).toBe(
      'Daily digests in #policy are now read in America/New_York; 1 daily digest follows it, at the same local time.',
    );
    expect((await store.listWatches(policy)).map((w) => w.daily)).toEqual([{ hour: 8, minute: 0, timeZone: 'America/New_York' }, null]);
    expect((await commands.handle('watches', policy, 'U1'))!.text).toContain('daily at 08:00 (America/New_York)');

    expect((await commands.handle('timezone default', policy, 'U1'))!.text).toBe(
      "#policy no longer has its own time zone: daily digests are read in Europe/London, the server's default; 1 daily digest follows it, at the same local time.",
    );
    expect((await store.listWatches(policy))[0]!.daily).toEqual({ hour: 8, minute: 0, timeZone: 'Europe/London' });
  });

  it('lets one watch name its own zone, ahead of the channel’s', async () => {
    await commands.handle('timezone Asia/Tokyo', policy, 'U1');
    const reply = await commands.handle('watch Dixon on senates daily at 7:30am in america/new_york', policy, 'U1');
    expect(reply!.text).toMatch(/daily at 07:30 \(America\/New_York\); /);
  });

  it('uses the sender’s own zone in a personal chat, after the command’s and the chat’s', async () => {
    const chat: WatchTarget = { platform: 'teams', channel: 'a:1personal', label: 'this chat' };
    const sender = { senderTimeZone: 'america/los_angeles' };
    expect((await commands.handle('watch Dixon on senates daily at 8:00', chat, 'Ann', sender))!.text).toMatch(/daily at 08:00 \(America\/Los_Angeles\); /);
    expect((await commands.handle('watch Hunt daily at 9:00 UTC', chat, 'Ann', sender))!.text).toMatch(/daily at 09:00 \(UTC\); /);
    await commands.handle('timezone Asia/Tokyo', chat, 'Ann');
    expect((await commands.handle('watch quotes from Dixon daily at 7:00', chat, 'Ann', sender))!.text).toMatch(/daily at 07:00 \(Asia\/Tokyo\); /);
    // A zone the platform sent that Intl does not know is ignored, not refused.
    const other: WatchTarget = { ...chat, channel: 'a:2personal' };
    expect((await commands.handle('watch Dixon daily at 8:00', other, 'Bo', { senderTimeZone: 'Mars/Olympus' }))!.text).toMatch(/daily at 08:00 \(Europe\/London\); /);
  });

  it('refuses a zone it does not know, and saves nothing', async () => {
    expect(await commands.handle('timezone Mars/Olympus', policy, 'U1')).toEqual({
      kind: 'watch_refused',
      text: '"Mars/Olympus" is not a time zone I know. Say an IANA time zone such as Europe/London, America/New_York or UTC, for example: timezone Europe/London',
    });
    expect(await store.channelTimeZone('slack', 'C1')).toBeNull();
    const reply = await commands.handle('watch Dixon daily at 8:00 Mars/Olympus', policy, 'U1');
    expect(reply).toMatchObject({ kind: 'watch_refused' });
    expect(reply!.text).toMatch(/^"Mars\/Olympus" is not a time zone I know/);
    expect(await store.listWatches(policy)).toEqual([]);
  });
});
