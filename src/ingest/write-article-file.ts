import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from './ingest-error.js';

/**
 * Writes `text` to a new file in `dir` without ever leaving a partial file: the text goes to a
 * hidden temporary file (which the corpus loader and watcher ignore) and is then linked or renamed
 * into place. `nameFor(n)` gives the name to try the n-th time (1, 2, ...), so an existing file is
 * never overwritten. Resolves to the path written.
 */
export async function writeArticleFile(dir: string, nameFor: (attempt: number) => string, text: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.briefbot-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    for (let attempt = 1; attempt <= 100; attempt += 1) {
      const target = path.join(dir, nameFor(attempt));
      try {
        // link() fails when the target exists, so two adds at once cannot overwrite each other.
        await link(temp, target);
        return target;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
        // A file system without hard links: check, then rename (atomic, though not race-free).
        if (await exists(target)) continue;
        await rename(temp, target);
        return target;
      }
    }
    throw new IngestError('write_failed', `could not find a free file name in ${dir}`);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOSPC' || code === 'EDQUOT' ? `: the disk is full (${code})` : code === 'EROFS' ? `: the file system is read-only (${code})` : ` (${code})`;
    throw new IngestError('write_failed', `cannot write to ${dir}${why}; nothing was written`, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
