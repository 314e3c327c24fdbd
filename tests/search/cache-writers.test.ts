import { execFile } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBriefbot, type BriefbotEngine } from '../../src/answer/open-briefbot.js';
import { cacheDirOf } from '../../src/search/engine-cache.js';
import { createCaptureLogger } from '../adapters/teams/capture-logger.js';
import { writeSampleCorpus } from './sample-corpus.js';

const run = promisify(execFile);
const now = () => new Date('2025-06-01T12:00:00Z');
const QUESTIONS = ['what was said about police?', 'who said "search and rescue operation"?', 'speakers'];
const SCRIPT = path.join(import.meta.dirname, 'scripts/rebuild-cache.ts');

async function answersOf(engine: BriefbotEngine): Promise<unknown[]> {
  return Promise.all(QUESTIONS.map((q) => engine.ask(q, { limit: 10 })));
}

/**
 * Two processes on one corpus folder (two `serve`s, or `serve` and `briefbot index`) both write the
 * persisted index, over and over, while this one keeps opening it: every part is renamed into place
 * whole and the manifest is written last, so no open ever reads a torn file or a mix that answers
 * wrongly, and nothing half-written is left behind.
 */
describe('two processes writing one persisted index', () => {
  let dir: string;
  let expected: unknown[];
  beforeAll(async () => {
    dir = writeSampleCorpus(40);
    expected = await answersOf(await openBriefbot({ corpusDir: dir, now, cache: 'off' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never serves a torn or mixed cache, and leaves no temporary file', async () => {
    const writers = [0, 1].map(() => run(process.execPath, ['--import', 'tsx', SCRIPT, dir, '6'], { cwd: path.resolve('.'), timeout: 120_000 }));
    let finished = false;
    const all = Promise.all(writers).finally(() => (finished = true));
    const sources: string[] = [];
    const { logger, lines } = createCaptureLogger();
    while (!finished) {
      const engine = await openBriefbot({ corpusDir: dir, now, logger, cache: 'use' });
      sources.push(engine.index?.source ?? 'none');
      expect(await answersOf(engine)).toEqual(expected);
    }
    const outputs = await all;
    expect(outputs.map((o) => o.stdout.trim())).toEqual(['6', '6']);
    // The same corpus and code on both sides: whatever interleaving, the parts agree with the manifest.
    expect(lines.filter((l) => l.event === 'index_cache_damaged')).toEqual([]);
    expect(sources.length).toBeGreaterThan(0);
    const settled = await openBriefbot({ corpusDir: dir, now, cache: 'use' });
    expect(settled.index?.source).toBe('cache');
    expect(await answersOf(settled)).toEqual(expected);
    expect(readdirSync(cacheDirOf(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});
