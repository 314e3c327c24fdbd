import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Speaker, StatementKind } from '../statements/statement.js';
import { CACHE_FORMAT, type ParsedFile } from '../corpus/corpus-files.js';
import type { TermIndexState } from './term-index.js';
import {
  CacheManifestSchema,
  checkLayout,
  checkSnapshotReferences,
  checkTermIndexState,
  describeZodError,
  EngineFileSchema,
  IndexHeaderSchema,
  type CacheManifest,
} from './check-engine-snapshot.js';

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

/** Writes a file whole or not at all (a temporary file of this process, then a rename). */
function writeAtomically(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const PARTS = ['index.bin', 'index.json', 'engine.json'] as const;

/**
 * Saves a snapshot: `engine.json` (files, speakers, statements, groups), `index.bin` (the
 * postings as raw typed arrays), `index.json` (their layout) and, last, `manifest.json` with the
 * key and the sha256 of every other file. Each file is written to a temporary name and renamed;
 * the manifest makes them one unit: a part that is not the one it names is never loaded.
 * Returns the bytes written.
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
  const parts: Record<(typeof PARTS)[number], string | Uint8Array> = {
    'index.bin': Buffer.concat(blocks),
    'index.json': JSON.stringify(header),
    'engine.json': JSON.stringify({ key, ...rest }),
  };
  const files: CacheManifest['files'] = {};
  let total = 0;
  for (const name of PARTS) {
    const data = parts[name];
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    writeAtomically(path.join(dir, name), data);
    files[name] = { sha256: sha256Of(data), bytes };
    total += bytes;
  }
  const manifest: CacheManifest = { format: CACHE_FORMAT, key, base, savedAt: new Date().toISOString(), files };
  const text = JSON.stringify(manifest);
  writeAtomically(path.join(dir, 'manifest.json'), text);
  return total + Buffer.byteLength(text);
}

/** What reading the persisted index found: nothing usable (missing, another format), a snapshot, or damage. */
export type CacheRead =
  | { kind: 'missing'; reason: string }
  | { kind: 'loaded'; snapshot: EngineSnapshot }
  | { kind: 'damaged'; file: string; reason: string };

function readManifest(dir: string): { kind: 'missing'; reason: string } | { kind: 'damaged'; file: string; reason: string } | { kind: 'ok'; manifest: CacheManifest } {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) return { kind: 'missing', reason: 'no saved index' };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { kind: 'damaged', file: 'manifest.json', reason: 'not JSON' };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format !== CACHE_FORMAT) return { kind: 'missing', reason: `saved by another version (format ${format})` };
  const parsed = CacheManifestSchema.safeParse(json);
  if (!parsed.success) return { kind: 'damaged', file: 'manifest.json', reason: describeZodError(parsed.error) };
  for (const name of PARTS) if (!parsed.data.files[name]) return { kind: 'damaged', file: 'manifest.json', reason: `names no ${name}` };
  return { kind: 'ok', manifest: parsed.data };
}

/** The keys the saved cache was built for, or null when there is no whole cache. */
export function readCacheKey(corpusDir: string): { key: string; base: string } | null {
  const read = readManifest(cacheDirOf(corpusDir));
  return read.kind === 'ok' ? { key: read.manifest.key, base: read.manifest.base } : null;
}

/**
 * Loads the saved snapshot. Every part must have the size and sha256 the manifest gives, parse,
 * have the shape it was saved in, and hold postings and references that are in range and in
 * order; the first part that does not is named in a `damaged` result, and nothing of it is used.
 * The work is linear in the cache's size: no damaged value can make a loop run long.
 */
export function loadEngineCache(corpusDir: string): CacheRead {
  try {
    return readEngineCache(corpusDir);
  } catch (error) {
    return { kind: 'damaged', file: 'index.bin', reason: `unreadable (${(error as Error).name})` };
  }
}

function readEngineCache(corpusDir: string): CacheRead {
  const dir = cacheDirOf(corpusDir);
  const read = readManifest(dir);
  if (read.kind !== 'ok') return read;
  const { manifest } = read;
  const bytesOf = {} as Record<(typeof PARTS)[number], Buffer>;
  for (const name of PARTS) {
    let data: Buffer;
    try {
      data = readFileSync(path.join(dir, name));
    } catch (error) {
      return { kind: 'damaged', file: name, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    const expected = manifest.files[name]!;
    if (data.byteLength !== expected.bytes) return { kind: 'damaged', file: name, reason: `${data.byteLength} bytes, the manifest says ${expected.bytes}` };
    if (sha256Of(data) !== expected.sha256) return { kind: 'damaged', file: name, reason: 'checksum does not match the manifest' };
    bytesOf[name] = data;
  }
  const json = (name: 'engine.json' | 'index.json'): unknown => {
    try {
      return JSON.parse(bytesOf[name].toString('utf8'));
    } catch {
      return undefined;
    }
  };
  const engine = EngineFileSchema.safeParse(json('engine.json'));
  if (!engine.success) return { kind: 'damaged', file: 'engine.json', reason: describeZodError(engine.error) };
  const header = IndexHeaderSchema.safeParse(json('index.json'));
  if (!header.success) return { kind: 'damaged', file: 'index.json', reason: describeZodError(header.error) };
  if (engine.data.key !== manifest.key || header.data.key !== manifest.key) return { kind: 'damaged', file: 'manifest.json', reason: 'parts of different saves' };
  const file = bytesOf['index.bin'];
  const layoutProblem = checkLayout(header.data.layout, file.byteLength);
  if (layoutProblem) return { kind: 'damaged', file: 'index.json', reason: layoutProblem };
  // Typed arrays need aligned offsets: a small file may sit at any offset of a shared pool.
  const bytes = file.byteOffset % 8 === 0 ? file : new Uint8Array(file);
  const view = <T>(make: new (b: ArrayBufferLike, o: number, n: number) => T, [at, n]: [number, number]): T => new make(bytes.buffer, bytes.byteOffset + at, n);
  const { layout, key: _key, ...values } = header.data;
  const index: TermIndexState = {
    ...values,
    offsets: layout.offsets.map((l) => view(Int32Array, l)),
    postDocs: layout.postDocs.map((l) => view(Int32Array, l)),
    postTfs: layout.postTfs.map((l) => view(Uint16Array, l)),
    fieldLength: layout.fieldLength.map((l) => view(Uint16Array, l)),
    alive: view(Uint8Array, layout.alive[0]!),
  };
  const indexProblem = checkTermIndexState(index);
  if (indexProblem) return { kind: 'damaged', file: 'index.bin', reason: indexProblem };
  const { key: _engineKey, ...rest } = engine.data;
  const snapshot: EngineSnapshot = { key: manifest.key, base: manifest.base, index, ...(rest as Omit<EngineSnapshot, 'key' | 'base' | 'index'>) };
  const referenceProblem = checkSnapshotReferences(snapshot);
  if (referenceProblem) return { kind: 'damaged', file: 'engine.json', reason: referenceProblem };
  return { kind: 'loaded', snapshot };
}
