import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveBriefbot, type LiveBriefbot } from '../../src/live/create-live-briefbot.js';
import { runIndexWorker } from '../../src/live/run-index-worker.js';
import { createCaptureLogger } from '../adapters/teams/capture-logger.js';
import { readSampleRows, toCorpusFile, writeSampleCorpus } from '../search/sample-corpus.js';

// A worker thread loads the TypeScript sources afresh (tsx), which takes seconds on a busy machine: hence the long timeouts.
describe('re-indexing in a worker thread', () => {
  const dirs: string[] = [];
  const lives: LiveBriefbot[] = [];
  afterEach(async () => {
    await Promise.all(lives.splice(0).map((l) => l.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('builds and saves the index in the worker; the main thread then loads it and answers about the change', async () => {
    const dir = writeSampleCorpus(6);
    dirs.push(dir);
    const { logger, lines } = createCaptureLogger();
    const live = createLiveBriefbot({ corpusDir: dir, logger, indexInWorker: true, watchFolder: false });
    lives.push(live);
    await live.whenReady();
    const before = live.current()!;
    writeFileSync(path.join(dir, 'zz-added.md'), toCorpusFile({ ...readSampleRows()[7]!, id: 'zz-added', body: `${readSampleRows()[7]!.body}\n\n"Zebra crossings save lives," said Alma Quintero.\n` }));
    // The old engine answers while the new one is built.
    const during = live.ask('who said "zebra crossings"?');
    const reload = live.reload();
    expect((await during).kind).toBe('nothing');
    await reload;
    expect(lines.find((l) => l.event === 'index_built_in_worker')).toMatchObject({ source: 'updated' });
    const after = live.current()!;
    expect(after).not.toBe(before);
    // What the main thread did was load the worker's saved index, not build one.
    expect(after.index?.source).toBe('cache');
    const answer = await live.ask('who said "zebra crossings"?');
    expect(answer.kind).toBe('results');
    if (answer.kind === 'results') expect(answer.results[0]!.speaker?.name).toBe('Alma Quintero');
  }, 60_000);

  it('reports a failure instead of throwing, and stops when aborted', async () => {
    const empty = writeSampleCorpus(0);
    dirs.push(empty);
    const missing = await runIndexWorker(path.join(empty, "gone"));
    expect(missing.ok).toBe(false);
    const dir = writeSampleCorpus(3);
    dirs.push(dir);
    const controller = new AbortController();
    const pending = runIndexWorker(dir, controller.signal);
    controller.abort();
    expect(await pending).toEqual({ ok: false, code: 'ABORTED' });
  }, 60_000);
});
