import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBriefbot, type BriefbotEngine } from '../../src/answer/open-briefbot.js';
import { cacheDirOf } from '../../src/search/engine-cache.js';
import { createCaptureLogger } from '../adapters/teams/capture-logger.js';
import { writeSampleCorpus } from './sample-corpus.js';

const now = () => new Date('2025-06-01T12:00:00Z');
const QUESTIONS = ['what was said about police?', 'what was said about the government?', 'who said "search and rescue operation"?', 'speakers'];

async function answersOf(engine: BriefbotEngine): Promise<unknown[]> {
  return Promise.all(QUESTIONS.map((q) => engine.ask(q, { limit: 10 })));
}

/** Makes the manifest vouch for a file as it now is, as a writer with a bug would: only the shape and structure checks stand in the way. */
function resign(dir: string, name: string): void {
  const file = path.join(cacheDirOf(dir), 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, { sha256: string; bytes: number }> };
  const data = readFileSync(path.join(cacheDirOf(dir), name));
  manifest.files[name] = { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.byteLength };
  writeFileSync(file, JSON.stringify(manifest));
}

const part = (dir: string, name: string) => path.join(cacheDirOf(dir), name);

const DAMAGE: Array<{ name: string; file: string; damage: (dir: string) => void }> = [
  { name: 'random bytes of the right length in index.bin', file: 'index.bin', damage: (d) => writeFileSync(part(d, 'index.bin'), randomBytes(statSync(part(d, 'index.bin')).size)) },
  {
    name: 'random bytes in index.bin, the manifest re-signed',
    file: 'index.bin',
    damage: (d) => {
      writeFileSync(part(d, 'index.bin'), randomBytes(statSync(part(d, 'index.bin')).size));
      resign(d, 'index.bin');
    },
  },
  { name: 'index.bin filled with 0xFF', file: 'index.bin', damage: (d) => writeFileSync(part(d, 'index.bin'), Buffer.alloc(statSync(part(d, 'index.bin')).size, 0xff)) },
  {
    name: 'index.bin filled with 0xFF, the manifest re-signed',
    file: 'index.bin',
    damage: (d) => {
      writeFileSync(part(d, 'index.bin'), Buffer.alloc(statSync(part(d, 'index.bin')).size, 0xff));
      resign(d, 'index.bin');
    },
  },
  {
    name: 'the documents of engine.json reordered',
    file: 'engine.json',
    damage: (d) => {
      const engine = JSON.parse(readFileSync(part(d, 'engine.json'), 'utf8')) as { docs: unknown[] };
      engine.docs.reverse();
      writeFileSync(part(d, 'engine.json'), JSON.stringify(engine));
    },
  },
  {
    name: 'an engine.json that is JSON of the wrong shape, the manifest re-signed',
    file: 'engine.json',
    damage: (d) => {
      const { key } = JSON.parse(readFileSync(part(d, 'engine.json'), 'utf8')) as { key: string };
      writeFileSync(part(d, 'engine.json'), JSON.stringify({ key, files: [], articleIds: 'none', speakers: {}, docs: [[1, 2]], groups: null }));
      resign(d, 'engine.json');
    },
  },
  {
    name: 'statement offsets shifted past their articles, the manifest re-signed',
    file: 'engine.json',
    damage: (d) => {
      const engine = JSON.parse(readFileSync(part(d, 'engine.json'), 'utf8')) as { docs: Array<number[] | null> };
      for (const doc of engine.docs) if (doc) [doc[1], doc[2], doc[6], doc[7]] = [doc[1]! + 1e6, doc[2]! + 1e6, -1, -1];
      writeFileSync(part(d, 'engine.json'), JSON.stringify(engine));
      resign(d, 'engine.json');
    },
  },
  {
    name: 'index.json cut in half',
    file: 'index.json',
    damage: (d) => writeFileSync(part(d, 'index.json'), readFileSync(part(d, 'index.json')).subarray(0, 40)),
  },
  { name: 'a manifest that is not JSON', file: 'manifest.json', damage: (d) => writeFileSync(part(d, 'manifest.json'), '{"format": 4, "key"') },
  { name: 'a part deleted', file: 'engine.json', damage: (d) => rmSync(part(d, 'engine.json')) },
];

describe('a damaged persisted index', () => {
  let dir: string;
  let expected: unknown[];
  let pristine: Map<string, Buffer>;
  beforeAll(async () => {
    dir = writeSampleCorpus(8);
    expected = await answersOf(await openBriefbot({ corpusDir: dir, now, cache: 'off' }));
    await openBriefbot({ corpusDir: dir, now, cache: 'rebuild' });
    pristine = new Map(['index.bin', 'index.json', 'engine.json', 'manifest.json'].map((n) => [n, readFileSync(part(dir, n))]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(DAMAGE)('$name: one warning naming the file, a rebuild, the right answers', async ({ file, damage }) => {
    for (const [name, bytes] of pristine) writeFileSync(part(dir, name), bytes);
    damage(dir);
    const { logger, lines } = createCaptureLogger();
    const engine = await openBriefbot({ corpusDir: dir, now, logger });
    expect(engine.index?.source).toBe('built');
    const warnings = lines.filter((l) => l.event === 'index_cache_damaged');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, file });
    expect(String(warnings[0]!.msg)).toContain(file);
    expect(await answersOf(engine)).toEqual(expected);
    // The rebuild replaced the damaged cache: the next start loads it without a word.
    const next = createCaptureLogger();
    const again = await openBriefbot({ corpusDir: dir, now, logger: next.logger });
    expect(again.index?.source).toBe('cache');
    expect(next.lines.filter((l) => l.event === 'index_cache_damaged')).toEqual([]);
    expect(await answersOf(again)).toEqual(expected);
  });

  it('takes a cache of another format for a missing one, without a warning', async () => {
    for (const [name, bytes] of pristine) writeFileSync(part(dir, name), bytes);
    const manifest = JSON.parse(readFileSync(part(dir, 'manifest.json'), 'utf8')) as { format: number };
    writeFileSync(part(dir, 'manifest.json'), JSON.stringify({ ...manifest, format: 3 }));
    const { logger, lines } = createCaptureLogger();
    const engine = await openBriefbot({ corpusDir: dir, now, logger });
    expect(engine.index?.source).toBe('built');
    expect(lines.filter((l) => l.event === 'index_cache_damaged')).toEqual([]);
  });

  it('lists every part with its checksum in a manifest written last', () => {
    const manifest = JSON.parse(pristine.get('manifest.json')!.toString('utf8')) as { files: Record<string, { sha256: string; bytes: number }> };
    expect(Object.keys(manifest.files).sort()).toEqual(['engine.json', 'index.bin', 'index.json']);
    for (const [name, entry] of Object.entries(manifest.files)) {
      expect(entry.bytes).toBe(pristine.get(name)!.byteLength);
      expect(entry.sha256).toBe(createHash('sha256').update(pristine.get(name)!).digest('hex'));
    }
  });
});
