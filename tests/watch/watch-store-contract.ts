import { expect, it } from 'vitest';
import type { NewWatch, WatchStore } from '../../src/watch/watch.js';

const interpretation = { question: 'Dixon on senates', speaker: { id: 'michael-dixon', name: 'Michael Dixon', kind: 'person' as const, roles: [] }, speakerQuery: 'Dixon', topic: 'senates', phrase: null, dateFrom: null, dateTo: null, dateText: null, outlet: null, sort: 'relevance' as const };
export const contractWatch: NewWatch = { target: { platform: 'slack', channel: 'C1', label: '#policy' }, question: 'Dixon on senates', interpretation, daily: null, createdBy: 'U1', createdAt: '2026-12-04T09:00:00.000Z' };

async function added(store: WatchStore, watch: NewWatch = contractWatch, limit = 10) {
  const saved = await store.addWatch(watch, limit);
  if (saved === 'limit') throw new Error('limit');
  return saved;
}

/**
 * What every WatchStore must do, run against each implementation (SQLite, PostgreSQL). `open`
 * gives a fresh, empty store; `reopen` the same data through a new connection (a restart).
 */
export function describeWatchStoreContract(open: () => Promise<WatchStore>, reopen: (store: WatchStore) => Promise<WatchStore>): void {
  it('keeps watches, daily times, references, deliveries and scanned articles across a restart', async () => {
    const store = await open();
    const saved = await added(store);
    const daily = await added(store, { ...contractWatch, question: 'Hunt', daily: { hour: 8, minute: 0, timeZone: 'Europe/London' } });
    await store.saveReference('teams', '19:x', { conversation: { id: '19:x' }, serviceUrl: 'https://smba.example/' });
    await store.addDeliveries([{ watchId: saved.id, remark: 'a#1', statementIds: ['a#1', 'b#5'] }], '2026-12-04T10:00:00.000Z');
    await store.markScanned(['a', 'b']);
    await store.recordDigest({ watchId: daily.id, slot: '2026-12-04T08:00:00.000Z', status: 'empty', matches: 0 });
    await store.setTargetProblem('slack', 'C1', { code: 'not_in_channel', message: "I'm not in #policy", at: '2026-12-04T10:00:00.000Z' });

    const again = await reopen(store);
    expect(await again.listWatches()).toEqual([
      { ...contractWatch, id: saved.id },
      { ...contractWatch, question: 'Hunt', daily: { hour: 8, minute: 0, timeZone: 'Europe/London' }, id: daily.id },
    ]);
    expect(await again.reference('teams', '19:x')).toEqual({ conversation: { id: '19:x' }, serviceUrl: 'https://smba.example/' });
    expect(await again.reference('teams', 'nope')).toBeNull();
    expect(await again.pendingDeliveries()).toEqual([{ watchId: saved.id, remark: 'a#1', statementIds: ['a#1', 'b#5'], status: 'pending', attempts: 0, createdAt: '2026-12-04T10:00:00.000Z', lastError: null }]);
    expect([...((await again.scannedArticles()) ?? [])].sort()).toEqual(['a', 'b']);
    expect(await again.lastDigest(daily.id)).toEqual({ watchId: daily.id, slot: '2026-12-04T08:00:00.000Z', status: 'empty', matches: 0 });
    expect(await again.targetProblem('slack', 'C1')).toEqual({ code: 'not_in_channel', message: "I'm not in #policy", at: '2026-12-04T10:00:00.000Z' });
    await again.close();
  });

  it('says null before the first scan, and an empty set after a scan of nothing', async () => {
    const store = await open();
    expect(await store.scannedArticles()).toBeNull();
    await store.markScanned([]);
    expect(await store.scannedArticles()).toEqual(new Set());
    await store.close();
  });

  it('records a remark once per watch, whichever of its statements comes again', async () => {
    const store = await open();
    const w = await added(store);
    expect(await store.addDeliveries([{ watchId: w.id, remark: 'a#1', statementIds: ['a#1'] }], 't')).toHaveLength(1);
    await store.extendRemark(w.id, 'a#1', ['c#9']);
    expect(await store.addDeliveries([{ watchId: w.id, remark: 'c#9', statementIds: ['c#9'] }], 't')).toEqual([]);
    expect(await store.remarkOf(w.id, ['x', 'c#9'])).toBe('a#1');
    expect(await store.remarkOf(w.id, ['x'])).toBeNull();
    await store.markDelivery(w.id, 'a#1', { status: 'failed', error: 'not_in_channel: no' });
    expect(await store.pendingDeliveries()).toEqual([]);
    await store.close();
  });

  it('keeps the latest digest of a watch, and one record per slot', async () => {
    const store = await open();
    const w = await added(store);
    expect(await store.lastDigest(w.id)).toBeNull();
    await store.recordDigest({ watchId: w.id, slot: '2026-12-03T08:00:00.000Z', status: 'posted', matches: 2 });
    await store.recordDigest({ watchId: w.id, slot: '2026-12-04T08:00:00.000Z', status: 'failed', matches: 1 });
    await store.recordDigest({ watchId: w.id, slot: '2026-12-04T08:00:00.000Z', status: 'posted', matches: 1 });
    expect(await store.lastDigest(w.id)).toEqual({ watchId: w.id, slot: '2026-12-04T08:00:00.000Z', status: 'posted', matches: 1 });
    await store.close();
  });

  it('clears a channel’s problem once posts go through', async () => {
    const store = await open();
    await store.setTargetProblem('slack', 'C1', { code: 'not_in_channel', message: 'a', at: 't1' });
    await store.setTargetProblem('slack', 'C1', { code: 'channel_not_found', message: 'b', at: 't2' });
    expect(await store.targetProblem('slack', 'C1')).toEqual({ code: 'channel_not_found', message: 'b', at: 't2' });
    expect(await store.targetProblem('teams', 'C1')).toBeNull();
    await store.setTargetProblem('slack', 'C1', null);
    expect(await store.targetProblem('slack', 'C1')).toBeNull();
    await store.close();
  });

  it('keeps a channel’s time zone across a restart and moves only that channel’s daily watches', async () => {
    const store = await open();
    const daily = { hour: 8, minute: 0, timeZone: 'UTC' };
    const digest = await added(store, { ...contractWatch, daily });
    const instant = await added(store, { ...contractWatch, question: 'Hunt' });
    const elsewhere = await added(store, { ...contractWatch, target: { platform: 'teams', channel: 'C1', label: 'this chat' }, daily });
    expect(await store.channelTimeZone('slack', 'C1')).toBeNull();
    expect(await store.setChannelTimeZone('slack', 'C1', 'Asia/Tokyo', 'UTC')).toBe(1);

    const again = await reopen(store);
    expect(await again.channelTimeZone('slack', 'C1')).toBe('Asia/Tokyo');
    expect(await again.channelTimeZone('teams', 'C1')).toBeNull();
    const byId = new Map((await again.listWatches()).map((w) => [w.id, w.daily]));
    expect(byId.get(digest.id)).toEqual({ hour: 8, minute: 0, timeZone: 'Asia/Tokyo' });
    expect(byId.get(instant.id)).toBeNull();
    expect(byId.get(elsewhere.id)).toEqual(daily);
    // Cleared: the channel falls back, and its digests with it.
    expect(await again.setChannelTimeZone('slack', 'C1', null, 'Europe/London')).toBe(1);
    expect(await again.channelTimeZone('slack', 'C1')).toBeNull();
    expect((await again.listWatches({ platform: 'slack', channel: 'C1' })).map((w) => w.daily)).toEqual([{ hour: 8, minute: 0, timeZone: 'Europe/London' }, null]);
    await again.close();
  });

  it('enforces the limit per channel and forgets a removed watch’s deliveries and digests', async () => {
    const store = await open();
    const first = await added(store, contractWatch, 2);
    await added(store, contractWatch, 2);
    expect(await store.addWatch(contractWatch, 2)).toBe('limit');
    expect(await store.addWatch({ ...contractWatch, target: { ...contractWatch.target, channel: 'C2' } }, 2)).not.toBe('limit');
    await store.addDeliveries([{ watchId: first.id, remark: 'a#1', statementIds: ['a#1'] }], 't');
    await store.recordDigest({ watchId: first.id, slot: 's', status: 'empty', matches: 0 });
    expect(await store.removeWatch(first.id)).toBe(true);
    expect(await store.removeWatch(first.id)).toBe(false);
    expect(await store.pendingDeliveries()).toEqual([]);
    expect(await store.lastDigest(first.id)).toBeNull();
    expect(await store.listWatches(contractWatch.target)).toHaveLength(1);
    await store.close();
  });

  it('keeps the limit when many watches are added at once', async () => {
    const store = await open();
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => store.addWatch(contractWatch, 3)));
    expect(outcomes.filter((o) => o === 'limit')).toHaveLength(3);
    expect(await store.listWatches(contractWatch.target)).toHaveLength(3);
    await store.close();
  });

  it('runs exclusive work one at a time', async () => {
    const store = await open();
    const order: string[] = [];
    await Promise.all(
      ['a', 'b'].map((name) =>
        store.exclusive(async () => {
          order.push(`${name}+`);
          await new Promise((resolve) => setImmediate(resolve));
          order.push(`${name}-`);
        }),
      ),
    );
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-']);
    await store.close();
  });
}
