import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeFeedState } from '../../src/feeds/feed-state.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'briefbot-feeds-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'briefbot', ...args, '--corpus', dir], { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('briefbot feeds', () => {
  it('shows each feed with its last fetch, articles added and last error', async () => {
    writeFileSync(path.join(dir, 'feeds.yml'), 'feeds:\n  - url: https://www.example.com/health/rss.xml\n    every: 15m\n    outlet: Pulse\n  - url: https://down.example.com/rss\n    every: 2h\n');
    writeFeedState(dir, {
      'https://www.example.com/health/rss.xml': { lastFetch: '2026-12-04T09:00:00.000Z', lastSuccess: '2026-12-04T09:00:00.000Z', itemsAdded: 3, lastError: null, failures: 0, etag: '"v1"' },
      'https://down.example.com/rss': { lastFetch: '2026-12-04T09:05:00.000Z', lastSuccess: null, itemsAdded: 0, lastError: 'https://down.example.com/rss answered HTTP 500: nothing added', failures: 2 },
    });
    const { code, out } = await run(['feeds']);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'https://www.example.com/health/rss.xml  every 15m  outlet Pulse',
      '  last fetch: 2026-12-04T09:00:00.000Z',
      '  articles added: 3',
      '  last error: none',
      'https://down.example.com/rss  every 2h',
      '  last fetch: 2026-12-04T09:05:00.000Z',
      '  articles added: 0',
      '  last error: https://down.example.com/rss answered HTTP 500: nothing added (2 failures in a row)',
    ]);
  });

  it('names the field of an invalid feeds.yml and exits non-zero; no file means no feeds', async () => {
    expect((await run(['feeds'])).out).toMatch(/^No feeds/);
    writeFileSync(path.join(dir, 'feeds.yml'), 'feeds:\n  - url: https://x.example/rss\n    every: soon\n');
    const { code, err } = await run(['feeds']);
    expect(code).not.toBe(0);
    expect(err).toBe('feeds.yml: error: feeds[0].every: must be a number of s, m or h, e.g. 5s, 15m, 2h');
  });
});
