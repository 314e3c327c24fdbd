import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteWatchStore, watchStorePath } from '../../src/watch/sqlite-watch-store.js';
import type { NewWatch } from '../../src/watch/watch.js';

const interpretation = { question: 'Dixon on senates', speaker: { id: 'michael-dixon', name: 'Michael Dixon', kind: 'person' as const, roles: [] }, speakerQuery: 'Dixon', topic: 'senates', phrase: null, dateFrom: null, dateTo: null, dateText: null, outlet: null, sort: 'relevance' as const };
const watch: NewWatch = { target: { platform: 'slack', channel: 'C1', label: '#policy' }, question: 'Dixon on senates', interpretation, createdBy: 'U1', createdAt: '2026-12-04T09:00:00.000Z' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'briefbot-watch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite watch store', () => {
  it('keeps watches, references, deliveries and scanned articles across a reopen of the file', () => {
    const file = watchStorePath(dir);
    const store = openSqliteWatchStore(file);
    const saved = store.addWatch(watch, 10);
    if (saved === 'limit') throw new Error('limit');
    store.saveReference('teams', '19:x', { conversation: { id: '19:x' }, serviceUrl: 'https://smba.example/' });
    store.addDeliveries([{ watchId: saved.id, remark: 'a#1', statementIds: ['a#1', 'b#5'] }], '2026-12-04T10:00:00.000Z');
    store.markScanned(['a', 'b']);
    store.close();

    const again = openSqliteWatchStore(file);
    expect(again.listWatches()).toEqual([{ ...watch, id: saved.id }]);
    expect(again.reference('teams', '19:x')).toEqual({ conversation: { id: '19:x' }, serviceUrl: 'https://smba.example/' });
    expect(again.reference('teams', 'nope')).toBeNull();
    expect(again.pendingDeliveries()).toEqual([{ watchId: saved.id, remark: 'a#1', statementIds: ['a#1', 'b#5'], status: 'pending', attempts: 0, createdAt: '2026-12-04T10:00:00.000Z', lastError: null }]);
    expect([...(again.scannedArticles() ?? [])].sort()).toEqual(['a', 'b']);
    again.close();
  });

  it('records a remark once per watch, whichever of its statements comes again', () => {
    const store = openSqliteWatchStore(watchStorePath(dir));
    const w = store.addWatch(watch, 10);
    if (w === 'limit') throw new Error('limit');
    expect(store.addDeliveries([{ watchId: w.id, remark: 'a#1', statementIds: ['a#1'] }], 't')).toHaveLength(1);
    store.extendRemark(w.id, 'a#1', ['c#9']);
    expect(store.addDeliveries([{ watchId: w.id, remark: 'c#9', statementIds: ['c#9'] }], 't')).toEqual([]);
    expect(store.remarkOf(w.id, ['x', 'c#9'])).toBe('a#1');
    store.markDelivery(w.id, 'a#1', { status: 'delivered' });
    expect(store.pendingDeliveries()).toEqual([]);
    store.close();
  });

  it('enforces the limit per channel inside the transaction and forgets a removed watch’s deliveries', () => {
    const store = openSqliteWatchStore(':memory:');
    const first = store.addWatch(watch, 2);
    store.addWatch(watch, 2);
    expect(store.addWatch(watch, 2)).toBe('limit');
    expect(store.addWatch({ ...watch, target: { ...watch.target, channel: 'C2' } }, 2)).not.toBe('limit');
    if (first === 'limit') throw new Error('limit');
    store.addDeliveries([{ watchId: first.id, remark: 'a#1', statementIds: ['a#1'] }], 't');
    expect(store.removeWatch(first.id)).toBe(true);
    expect(store.removeWatch(first.id)).toBe(false);
    expect(store.pendingDeliveries()).toEqual([]);
    expect(store.listWatches(watch.target)).toHaveLength(1);
    store.close();
  });
});
