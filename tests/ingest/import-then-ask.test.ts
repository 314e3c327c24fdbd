import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

describe('briefbot import, then briefbot ask', () => {
  it('answers from the imported Wikinews articles', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefbot-import-ask-'));
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), env: {} };
      expect(await main(['node', 'briefbot', 'import', 'tests/fixtures/wikinews-sample.jsonl', '--corpus', dir], io)).toBe(0);
      expect(out.join('\n')).toMatch(/^Imported 20 articles/);
      out.length = 0;
      expect(await main(['node', 'briefbot', 'ask', 'what did Lorenzana say about justice?', '--corpus', dir], io)).toBe(0);
      const printed = out.join('\n');
      // The only article quoting Delfin Lorenzana is the Jolo cathedral bombing report of 28 January 2019.
      expect(printed).toContain('We will use the full force of the law to bring to justice the perpetrators behind this incident');
      expect(printed).toMatch(/Lorenzana/);
      expect(printed).toMatch(/Wikinews/);
      expect(printed).toContain('https://en.wikinews.org/wiki/');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
