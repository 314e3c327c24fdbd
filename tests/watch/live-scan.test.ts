import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveBriefbot, createSilentLogger, openBriefbot, type LiveBriefbot } from '../../src/index.js';
import { scanNewArticles } from '../../src/watch/scan-new-articles.js';
import { openSqliteWatchStore, watchStorePath } from '../../src/watch/sqlite-watch-store.js';
import { createWatchCommands } from '../../src/watch/watch-commands.js';

const CORPUS = path.join(import.meta.dirname, '../../corpus');
const logger = createSilentLogger();
const now = () => new Date('2026-12-04T09:00:00Z');

let dir: string;
let live: LiveBriefbot | null = null;
afterEach(async () => {
  await live?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('watches on hot reload', () => {
  it('a file dropped into the corpus is scanned once the new index serves, and only it', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'briefbot-live-watch-'));
    copyFileSync(path.join(CORPUS, '2011-06-20-nhs-alliance-clinically-led-commissioning.md'), path.join(dir, 'a.md'));
    const store = openSqliteWatchStore(watchStorePath(dir));
    const scans: number[] = [];
    live = createLiveBriefbot({
      corpusDir: dir,
      logger,
      open: (options) => openBriefbot({ ...options, cache: 'off', now }),
      debounceMs: 20,
      onEngine: async (engine) => {
        scans.push((await scanNewArticles(engine, store, now, logger)).newArticles);
      },
    });
    await live.whenReady();
    await live.reload();
    const commands = createWatchCommands({ briefbot: live, store, now, logger });
    expect((await commands.handle('watch "demolition experts"', { platform: 'slack', channel: 'C1', label: '#policy' }, 'U1'))!.text).toBe(
      'Watching for new quotes with the words "demolition experts" in #policy; no quotes in the corpus match yet.',
    );
    copyFileSync(path.join(CORPUS, '2012-11-22-gp-ccgs-demolition-experts.md'), path.join(dir, '2012-11-22-gp-ccgs-demolition-experts.md'));
    await live.reload();
    // The folder watcher may have re-indexed first: across the scans, the one new article was scanned once.
    expect(scans.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await store.pendingDeliveries()).map((d) => d.remark)).toEqual(['2012-11-22-gp-ccgs-demolition-experts#186']);
    await store.close();
  });
});
