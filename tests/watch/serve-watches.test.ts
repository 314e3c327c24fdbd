import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServe } from '../../adapters/serve.js';
import { createSilentLogger } from '../../src/index.js';
import { watchStorePath } from '../../src/watch/sqlite-watch-store.js';
import { BUNDLED_CORPUS } from '../adapters/slack/slack-harness.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function corpus(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'briefbot-serve-watches-'));
  copyFileSync(path.join(BUNDLED_CORPUS, '2011-06-20-nhs-alliance-clinically-led-commissioning.md'), path.join(dir, 'a.md'));
  return dir;
}

describe('briefbot serve and daily digests', () => {
  it('refuses an unknown BRIEFBOT_TZ before opening anything, naming the variable', async () => {
    const corpusDir = corpus();
    await expect(startServe({ corpusDir, port: 0, host: '127.0.0.1', env: { BRIEFBOT_TZ: 'Europe/Atlantis' }, logger: createSilentLogger() })).rejects.toThrow(
      'BRIEFBOT_TZ must be an IANA time zone such as Europe/London or America/New_York',
    );
    expect(existsSync(watchStorePath(corpusDir))).toBe(false);
  });

  it('checks for due digests every minute on the clock it is given, and stops the clock on close', async () => {
    const scheduled: number[] = [];
    let cancelled = 0;
    const running = await startServe({
      corpusDir: corpus(),
      port: 0,
      host: '127.0.0.1',
      env: { BRIEFBOT_TZ: 'Europe/London' },
      logger: createSilentLogger(),
      digestSchedule: (_fn, ms) => (scheduled.push(ms), () => void cancelled++),
    });
    await running.ready;
    expect(scheduled).toEqual([60_000]);
    await running.close();
    expect(cancelled).toBe(1);
  });
});
