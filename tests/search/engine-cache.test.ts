import { existsSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBriefbot, type BriefbotEngine } from '../../src/answer/open-briefbot.js';
import { computeCacheKey, readCorpusTexts } from '../../src/corpus/corpus-files.js';
import { cacheDirOf } from '../../src/search/engine-cache.js';
import { readSampleRows, toCorpusFile, writeSampleCorpus } from './sample-corpus.js';

const now = () => new Date('2025-06-01T12:00:00Z');
// Questions of every kind the engine answers; their answers must not depend on where the index came from.
const QUESTIONS = [
  'what was said about police?',
  'who said "search and rescue operation"?',
  'what was said about the government in January 2019?',
  'what was said about goverment?',
  'speakers',
  'sources',
];

async function answersOf(engine: BriefbotEngine): Promise<unknown[]> {
  return Promise.all(QUESTIONS.map((q) => engine.ask(q, { limit: 10 })));
}

describe('the persisted index', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('answers exactly as a fresh build after a save and a load', async () => {
    const dir = writeSampleCorpus(12);
    dirs.push(dir);
    const fresh = await openBriefbot({ corpusDir: dir, now, cache: 'rebuild' });
    expect(fresh.index?.source).toBe('built');
    expect(existsSync(path.join(cacheDirOf(dir), 'index.bin'))).toBe(true);
    const loaded = await openBriefbot({ corpusDir: dir, now });
    expect(loaded.index?.source).toBe('cache');
    expect(loaded.statements).toEqual(fresh.statements);
    expect(loaded.speakers).toEqual(fresh.speakers);
    expect(await answersOf(loaded)).toEqual(await answersOf(fresh));
  });

  it('changes its key when a file changes, and only then', async () => {
    const dir = writeSampleCorpus(3);
    dirs.push(dir);
    const before = computeCacheKey(dir, await readCorpusTexts(dir));
    expect(computeCacheKey(dir, await readCorpusTexts(dir))).toEqual(before);
    const [first] = readSampleRows();
    writeFileSync(path.join(dir, `${first!.id}.md`), toCorpusFile({ ...first!, body: `${first!.body}\nOne more line.` }));
    const after = computeCacheKey(dir, await readCorpusTexts(dir));
    expect(after.key).not.toBe(before.key);
    // The files are not part of the base: a cache of the same base may be updated file by file.
    expect(after.base).toBe(before.base);
    writeFileSync(path.join(dir, 'synonyms.yml'), '- [police, constabulary]\n');
    expect(computeCacheKey(dir, await readCorpusTexts(dir)).base).not.toBe(before.base);
  });

  it('rebuilds when a file changed, and the answers follow the change', async () => {
    const dir = writeSampleCorpus(4);
    dirs.push(dir);
    await openBriefbot({ corpusDir: dir, now });
    const row = readSampleRows()[1]!;
    writeFileSync(path.join(dir, `${row.id}.md`), toCorpusFile({ ...row, body: `${row.body}\n\n"Zebra crossings save lives," said Alma Quintero.\n` }));
    const reopened = await openBriefbot({ corpusDir: dir, now });
    expect(reopened.index?.source).toBe('updated');
    const answer = await reopened.ask('who said "zebra crossings"?');
    expect(answer.kind).toBe('results');
    if (answer.kind === 'results') expect(answer.results[0]!.speaker?.name).toBe('Alma Quintero');
  });

  it('updates in place when an article is added, answering as a full build does', async () => {
    const dir = writeSampleCorpus(10);
    dirs.push(dir);
    await openBriefbot({ corpusDir: dir, now });
    const added = readSampleRows()[10]!;
    writeFileSync(path.join(dir, `${added.id}.md`), toCorpusFile(added));
    const updated = await openBriefbot({ corpusDir: dir, now });
    expect(updated.index).toMatchObject({ source: 'updated', changedFiles: 1 });
    const full = await openBriefbot({ corpusDir: dir, now, cache: 'off' });
    // The new article's statements are extracted and indexed like the others.
    const ids = (e: BriefbotEngine) => e.statements.map((s) => s.id).sort();
    expect(ids(updated)).toEqual(ids(full));
    const mine = (e: BriefbotEngine) => e.statements.filter((s) => s.articleId === added.id).map((s) => s.text);
    expect(mine(updated).length).toBeGreaterThan(0);
    expect(mine(updated)).toEqual(mine(full));
    // The saved cache now holds the added article, so the next start loads it as is.
    expect((await openBriefbot({ corpusDir: dir, now })).index?.source).toBe('cache');
  });

  it('drops the statements of a removed file', async () => {
    const dir = writeSampleCorpus(5);
    dirs.push(dir);
    const before = await openBriefbot({ corpusDir: dir, now });
    const gone = readSampleRows()[2]!;
    unlinkSync(path.join(dir, `${gone.id}.md`));
    const after = await openBriefbot({ corpusDir: dir, now });
    expect(after.index?.source).toBe('updated');
    expect(after.statements.some((s) => s.articleId === gone.id)).toBe(false);
    expect(after.statements.length).toBe(before.statements.filter((s) => s.articleId !== gone.id).length);
  });
});
