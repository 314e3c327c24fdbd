import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Speaker, StatementKind } from '../statements/statement.js';
import { CACHE_FORMAT, type ParsedFile } from '../corpus/corpus-files.js';
import type { TermIndexState } from './term-index.js';

/** The cache folder of a corpus: `<corpus>/.briefbot-cache/`. */
export function cacheDirOf(corpusDir: string): string {
  return path.join(corpusDir, '.briefbot-cache');
}

/** A statement as saved: its article (by file position), span, kind, speaker (by position), cue and quotation span (-1 for none). */
export type SavedStatement = [article: number, start: number, end: number, kind: 0 | 1, speaker: number, cue: string | null, quoteStart: number, quoteEnd: number];

/** Everything needed to answer without re-reading, extracting or indexing: saved as one unit. */
export interface EngineSnapshot {
  key: string;
  /** The key without the files (format, extractor, synonyms): what an in-place update needs to match. */
  base: string;
  files: ParsedFile[];
  /** Article ids in the order `articles` indexes them. */
  articleIds: string[];
  speakers: Speaker[];
  /** The index's documents in order; null where a statement was removed. */
  docs: Array<SavedStatement | null>;
  /** Groups of more than one statement, as document numbers, lead first. */
  groups: number[][];
  index: TermIndexState;
}

export const KINDS: StatementKind[] = ['direct', 'indirect'];

const ARRAYS = ['offsets', 'postDocs', 'postTfs', 'fieldLength'] as const;

/** Writes a file whole or not at all. */
function writeAtomically(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * Saves a snapshot: `engine.json` (files, speakers, statements, groups), `index.bin` (the
 * postings as raw typed arrays) and, last, `manifest.json` with the key, so a half-written cache
 * is never taken for a whole one. Returns the bytes written.
 */
export function saveEngineCache(corpusDir: string, snapshot: EngineSnapshot): number {
  const dir = cacheDirOf(corpusDir);
  mkdirSync(dir, { recursive: true });
  const { index, key, base, ...rest } = snapshot;
  const blocks: Uint8Array[] = [];
  const layout: Record<string, Array<[number, number]>> = {};
  let offset = 0;
  for (const name of ARRAYS) {
    layout[name] = index[name].map((a) => {
      const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      const padded = (bytes.byteLength + 7) & ~7;
      blocks.push(bytes, new Uint8Array(padded - bytes.byteLength));
      const at: [number, number] = [offset, a.length];
      offset += padded;
      return at;
    });
  }
  blocks.push(index.alive);
  layout.alive = [[offset, index.alive.length]];
  const header = { key, terms: index.terms, docCount: index.docCount, docTotal: index.docTotal, avgFieldLength: index.avgFieldLength, delta: index.delta, layout };
  writeAtomically(path.join(dir, 'index.bin'), Buffer.concat(blocks));
  writeAtomically(path.join(dir, 'index.json'), JSON.stringify(header));
  writeAtomically(path.join(dir, 'engine.json'), JSON.stringify({ key, ...rest }));
  writeAtomically(path.join(dir, 'manifest.json'), JSON.stringify({ format: CACHE_FORMAT, key, base, savedAt: new Date().toISOString() }));
  return ['index.bin', 'index.json', 'engine.json', 'manifest.json'].reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
}

/** The keys the saved cache was built for, or null when there is no whole cache. */
export function readCacheKey(corpusDir: string): { key: string; base: string } | null {
  const file = path.join(cacheDirOf(corpusDir), 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; key?: string; base?: string };
    return manifest.format === CACHE_FORMAT && typeof manifest.key === 'string' && typeof manifest.base === 'string' ? { key: manifest.key, base: manifest.base } : null;
  } catch {
    return null;
  }
}

/** Loads the saved snapshot; null when it is missing, of another format, or unreadable. */
export function loadEngineCache(corpusDir: string): EngineSnapshot | null {
  const keys = readCacheKey(corpusDir);
  if (!keys) return null;
  const dir = cacheDirOf(corpusDir);
  try {
    const { key: engineKey, ...rest } = JSON.parse(readFileSync(path.join(dir, 'engine.json'), 'utf8')) as Omit<EngineSnapshot, 'base' | 'index'>;
    const header = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as Omit<TermIndexState, (typeof ARRAYS)[number] | 'alive'> & {
      key: string;
      layout: Record<string, Array<[number, number]>>;
    };
    // Another process may be saving a newer cache right now: take only three files of one save.
    if (engineKey !== keys.key || header.key !== keys.key) return null;
    const file = readFileSync(path.join(dir, 'index.bin'));
    // Typed arrays need aligned offsets: a small file may sit at any offset of a shared pool.
    const bytes = file.byteOffset % 8 === 0 ? file : new Uint8Array(file);
    const view = <T>(make: new (b: ArrayBufferLike, o: number, n: number) => T, [at, n]: [number, number]): T => new make(bytes.buffer, bytes.byteOffset + at, n);
    const index: TermIndexState = {
      terms: header.terms,
      docCount: header.docCount,
      docTotal: header.docTotal,
      avgFieldLength: header.avgFieldLength,
      delta: header.delta,
      offsets: header.layout.offsets!.map((l) => view(Int32Array, l)),
      postDocs: header.layout.postDocs!.map((l) => view(Int32Array, l)),
      postTfs: header.layout.postTfs!.map((l) => view(Uint16Array, l)),
      fieldLength: header.layout.fieldLength!.map((l) => view(Uint16Array, l)),
      alive: view(Uint8Array, header.layout.alive![0]!),
    };
    return { ...keys, index, ...rest };
  } catch {
    return null;
  }
}
