import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArticleFile } from '../../src/ingest/write-article-file.js';

/** A real full disk: a 64 kB tmpfs, which needs root and `mount` (CI's machine has both). */
function mountTinyDisk(dir: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a small tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim().split('\n')[0]}); run as root to include it`;
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'briefbot-disk-full-'));
const skipped = process.getuid?.() === 0 ? mountTinyDisk(root) : 'needs root to mount a small tmpfs';
if (skipped) console.warn(`[briefbot tests] skipped the disk-full test: ${skipped}`);

describe.skipIf(skipped !== null)('adding an article to a full disk', () => {
  beforeAll(() => {
    // Fill the disk but for a little: an article's temporary file then fails part-way.
    try {
      writeFileSync(path.join(root, 'filler.bin'), Buffer.alloc(60 * 1024, 1));
    } catch {
      // Full already: so much the better.
    }
  });
  afterAll(() => {
    execFileSync('umount', [root]);
    rmSync(root, { recursive: true, force: true });
  });

  it('fails with a clear message and leaves no partial or temporary file', async () => {
    const before = readdirSync(root).sort();
    const article = `---\ntitle: A long one\noutlet: Wire\npublished: 2024-03-12\nurl: https://wire.example.org/long\n---\n${'“We will not stop,” she said. '.repeat(1000)}\n`;
    await expect(writeArticleFile(root, () => '2024-03-12-long.md', article)).rejects.toMatchObject({
      code: 'write_failed',
      message: `cannot write to ${root}: the disk is full (ENOSPC); nothing was written`,
    });
    expect(readdirSync(root).sort()).toEqual(before);
  });
});

afterAll(() => {
  if (skipped) rmSync(root, { recursive: true, force: true });
});
