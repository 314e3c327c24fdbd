import type { CorpusProblem } from '../corpus/corpus-problem.js';
import { computeCacheKey, parseCorpusTexts, readCorpusTexts, type ParsedFile } from '../corpus/corpus-files.js';
import type { Logger } from '../logging.js';
import { loadEngineCache, saveEngineCache } from '../search/engine-cache.js';
import { loadSynonyms } from '../search/synonyms.js';
import { buildEngineData, fromSnapshot, toSnapshot, type EngineData } from './memory-store.js';

/**
 * What to do with the persisted index in `<corpus>/.briefbot-cache/`: `use` (the default) loads it
 * when it matches the corpus, updates it in place when a few files changed, and otherwise rebuilds
 * and saves it; `rebuild` always builds afresh and saves; `off` neither reads nor writes it.
 */
export type CacheMode = 'use' | 'rebuild' | 'off';

/** Where an engine's index came from: the saved cache, the cache updated for changed files, or a full build. */
export interface IndexInfo {
  source: 'cache' | 'updated' | 'built';
  /** Files added, changed or removed since the cache was saved (for `updated`). */
  changedFiles: number;
  /** Bytes of the saved cache, when this open wrote it. */
  savedBytes: number | null;
}

/** At most this share of files changed (or 20 files) is updated in place; more is rebuilt whole. */
const UPDATE_SHARE = 0.05;

/** Reads the corpus, then loads, updates or builds its engine data, saving the cache when it changed. */
export async function openEngineData(
  corpusDir: string,
  mode: CacheMode,
  logger?: Logger,
): Promise<{ data: EngineData; problems: CorpusProblem[]; index: IndexInfo }> {
  const synonyms = loadSynonyms(corpusDir);
  const texts = await readCorpusTexts(corpusDir);
  const keys = computeCacheKey(corpusDir, texts);
  const snapshot = mode === 'use' ? loadEngineCache(corpusDir) : null;
  const usable = snapshot && snapshot.base === keys.base ? snapshot : null;
  const cached = new Map<string, ParsedFile>(usable?.files.map((f) => [f.name, f]) ?? []);
  const { articles, problems, parsed } = parseCorpusTexts(texts, cached);
  if (usable && usable.key === keys.key) {
    return { data: fromSnapshot(usable, articles, synonyms), problems, index: { source: 'cache', changedFiles: 0, savedBytes: null } };
  }
  let data: EngineData;
  let index: IndexInfo;
  const current = new Set(texts.map((t) => t.name));
  const changedFiles = usable
    ? texts.filter((t) => cached.get(t.name)?.hash !== t.hash).length + usable.files.filter((f) => !current.has(f.name)).length
    : texts.length;
  if (usable && changedFiles <= Math.max(20, texts.length * UPDATE_SHARE)) {
    const fresh = new Set(texts.filter((t) => cached.get(t.name)?.hash !== t.hash).map((t) => t.name.replace(/\.md$/, '')));
    data = fromSnapshot(usable, articles, synonyms, fresh);
    index = { source: 'updated', changedFiles, savedBytes: null };
  } else {
    data = buildEngineData(articles, synonyms);
    index = { source: 'built', changedFiles, savedBytes: null };
  }
  if (mode !== 'off') {
    try {
      index.savedBytes = saveEngineCache(corpusDir, toSnapshot(data, keys, parsed));
    } catch (error) {
      // A read-only corpus still answers; it just rebuilds next time.
      logger?.warn({ event: 'index_not_saved', corpusDir, err: { code: (error as NodeJS.ErrnoException).code } }, 'could not save the index cache');
    }
  }
  return { data, problems, index };
}

