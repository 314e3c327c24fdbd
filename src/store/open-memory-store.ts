import type { CorpusProblem } from '../corpus/corpus-problem.js';
import { computeCacheKey, parseCorpusTexts, readCorpusTexts, type ParsedFile } from '../corpus/corpus-files.js';
import type { Logger } from '../logging.js';
import { loadEngineCache, saveEngineCache } from '../search/engine-cache.js';
import { loadSynonyms } from '../search/synonyms.js';
import { buildEngineData, fromSnapshot, SnapshotMismatch, toSnapshot, type EngineData } from './memory-store.js';

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

/** One warning for a damaged persisted index: which file, why, and that it is being rebuilt. */
function warnDamaged(logger: Logger | undefined, corpusDir: string, file: string, reason: string): void {
  logger?.warn({ event: 'index_cache_damaged', corpusDir, file, reason }, `the saved index is damaged (${file}: ${reason}); rebuilding it from the corpus`);
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
  const read = mode === 'use' ? loadEngineCache(corpusDir) : null;
  if (read?.kind === 'damaged') warnDamaged(logger, corpusDir, read.file, read.reason);
  const snapshot = read?.kind === 'loaded' ? read.snapshot : null;
  const usable = snapshot && snapshot.base === keys.base ? snapshot : null;
  const cached = new Map<string, ParsedFile>(usable?.files.map((f) => [f.name, f]) ?? []);
  let { articles, problems, parsed } = parseCorpusTexts(texts, cached);
  let data: EngineData | null = null;
  let index: IndexInfo | null = null;
  const current = new Set(texts.map((t) => t.name));
  const changedFiles = usable
    ? texts.filter((t) => cached.get(t.name)?.hash !== t.hash).length + usable.files.filter((f) => !current.has(f.name)).length
    : texts.length;
  if (usable && (usable.key === keys.key || changedFiles <= Math.max(20, texts.length * UPDATE_SHARE))) {
    const fresh = new Set(texts.filter((t) => cached.get(t.name)?.hash !== t.hash).map((t) => t.name.replace(/\.md$/, '')));
    try {
      data = fromSnapshot(usable, articles, synonyms, fresh);
      if (usable.key === keys.key) return { data, problems, index: { source: 'cache', changedFiles: 0, savedBytes: null } };
      index = { source: 'updated', changedFiles, savedBytes: null };
    } catch (error) {
      // A cache that passed its checks but does not fit the articles: never answer from it.
      warnDamaged(logger, corpusDir, 'engine.json', error instanceof SnapshotMismatch ? error.message : 'does not fit the corpus');
      data = null;
      ({ articles, problems, parsed } = parseCorpusTexts(texts, new Map()));
    }
  }
  if (!data || !index) {
    data = buildEngineData(articles, synonyms);
    index = { source: 'built', changedFiles: usable ? changedFiles : texts.length, savedBytes: null };
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

