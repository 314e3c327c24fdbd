import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger, openBriefbot } from '../../src/index.js';
import { scanNewArticles } from '../../src/watch/scan-new-articles.js';
import { openSqliteWatchStore, watchStorePath } from '../../src/watch/sqlite-watch-store.js';
import { createWatchCommands } from '../../src/watch/watch-commands.js';
import type { WatchStore, WatchTarget } from '../../src/watch/watch.js';

const CORPUS = path.join(import.meta.dirname, '../../corpus');
const GP = '2012-11-22-gp-ccgs-demolition-experts.md';
const PHARMATIMES = '2012-11-22-pharmatimes-demolition-experts.md';
const PHARMAFIELD = '2012-11-23-pharmafield-commissioners-demolition.md';
const policy: WatchTarget = { platform: 'slack', channel: 'C1', label: '#policy' };
const logger = createSilentLogger();
const now = () => new Date('2026-12-04T09:00:00Z');

const NEW_DIXON = `---
title: Dixon says senates must listen
outlet: Pulse
published: 2026-12-03
url: https://www.pulsetoday.co.uk/news/dixon-senates-listen
---
Dr Michael Dixon, chair of the NHS Alliance, spoke to Pulse on Thursday.
"Clinical senates must listen to GPs before they advise anyone," Dr Dixon said.
"The weather in Devon has been dreadful this month," he added.
`;

let dir: string;
let store: WatchStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'briefbot-scan-'));
  for (const name of ['2011-06-20-nhs-alliance-clinically-led-commissioning.md', '2012-01-pulse-dixon-warns-emasculated.md']) copyFileSync(path.join(CORPUS, name), path.join(dir, name));
  store = openSqliteWatchStore(watchStorePath(dir));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = () => openBriefbot({ corpusDir: dir, cache: 'off', now });
const add = (name: string) => copyFileSync(path.join(CORPUS, name), path.join(dir, name));

async function watch(question: string) {
  const commands = createWatchCommands({ briefbot: await open(), store, now, logger });
  const reply = await commands.handle(`watch ${question}`, policy, 'U1');
  expect(reply?.kind).toBe('watch_added');
  return (await store.listWatches()).at(-1)!;
}

describe('scanNewArticles', () => {
  it('notes the corpus on the first scan and posts nothing from it', async () => {
    await watch('Dixon on senates');
    const first = await scanNewArticles(await open(), store, now, logger);
    expect(first).toMatchObject({ baseline: true, deliveries: [] });
    expect(await scanNewArticles(await open(), store, now, logger)).toMatchObject({ baseline: false, newArticles: 0, deliveries: [] });
  });

  it('matches the new statements only: a new Dixon quote on senates, not the two already there nor his other words', async () => {
    const w = await watch('Dixon on senates');
    await scanNewArticles(await open(), store, now, logger);
    writeFileSync(path.join(dir, '2026-12-03-pulse-dixon-senates-listen.md'), NEW_DIXON);
    const outcome = await scanNewArticles(await open(), store, now, logger);
    expect(outcome.newArticles).toBe(1);
    expect(outcome.deliveries).toHaveLength(1);
    expect(outcome.deliveries[0]).toMatchObject({ watchId: w.id, status: 'pending', statementIds: [expect.stringMatching(/^2026-12-03-pulse-dixon-senates-listen#/)] });
    expect(await store.pendingDeliveries()).toHaveLength(1);
  });

  it('posts a remark reported by several outlets once, listing them, and a later outlet adds no second post', async () => {
    const w = await watch('"demolition experts"');
    await scanNewArticles(await open(), store, now, logger);
    add(GP);
    add(PHARMATIMES);
    const both = await scanNewArticles(await open(), store, now, logger);
    expect(both.deliveries).toHaveLength(1);
    expect(both.deliveries[0]!.statementIds).toHaveLength(2);
    add(PHARMAFIELD);
    const later = await scanNewArticles(await open(), store, now, logger);
    expect(later.newArticles).toBe(1);
    expect(later.deliveries).toEqual([]);
    expect(await store.pendingDeliveries()).toHaveLength(1);
    expect(await store.remarkOf(w.id, [`${PHARMAFIELD.replace(/\.md$/, '')}#0`, ...both.deliveries[0]!.statementIds])).toBe(both.deliveries[0]!.remark);
  });

  it('after a restart (the store reopened from its file) neither repeats nor loses an alert', async () => {
    await watch('"demolition experts"');
    await scanNewArticles(await open(), store, now, logger);
    add(GP);
    // Written while the server was down: the next start finds it.
    await store.close();
    store = openSqliteWatchStore(watchStorePath(dir));
    const afterRestart = await scanNewArticles(await open(), store, now, logger);
    expect(afterRestart.deliveries).toHaveLength(1);
    await store.close();
    store = openSqliteWatchStore(watchStorePath(dir));
    expect(await scanNewArticles(await open(), store, now, logger)).toMatchObject({ newArticles: 0, deliveries: [] });
    expect(await store.pendingDeliveries()).toHaveLength(1);
  });
});
