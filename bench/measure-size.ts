import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../src/answer/create-engine.js';
import { updateEngineData, withContext, type EngineData } from '../src/store/memory-store.js';
import { analyseText } from '../src/search/analyse-text.js';
import { groupStatements } from '../src/store/group-statements.js';
import type { Article } from '../src/corpus/article.js';
import { computeCacheKey, parseCorpusTexts, readCorpusTexts } from '../src/corpus/corpus-files.js';
import { cacheDirOf, saveEngineCache } from '../src/search/engine-cache.js';
import { IndexedStatementSearch } from '../src/search/indexed-search.js';
import { loadSynonyms } from '../src/search/synonyms.js';
import { extractStatements } from '../src/statements/extract-statements.js';
import { toSnapshot } from '../src/store/memory-store.js';
import type { BaselineResult } from './baseline.js';
import { countArticles, generateCorpus, type readTemplates } from './generate-corpus.js';
import { createQuestionMix } from './questions.js';
import { createAskedQuestions, measureAskedQuote, type AskedQuoteResult } from './asked-quote.js';
import { timeQuestions, type MixTiming } from './time-questions.js';

/** Bumped when the generator changes, so corpora on disk are made again. */
const GENERATOR_VERSION = 1;
import { BENCH_NOW } from './bench-now.js';

/** The longest the plain-minisearch baseline may take at large sizes, to keep the run bounded. */
const BASELINE_LIMIT_MS = 300_000;

/** What the baseline child gave: its figures, or how far its build got before the time limit. */
export type BaselineOutcome = ({ kind: 'done' } & BaselineResult) | { kind: 'stopped'; afterMs: number; indexed: string };

function runBaseline(root: string, dir: string, questionsFile: string, rounds: number, limitMs: number): BaselineOutcome {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=12000', '--import', 'tsx', path.join(root, 'bench/baseline-probe.ts'), dir, questionsFile, String(rounds)],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, ...(limitMs ? { timeout: limitMs, killSignal: 'SIGKILL' as const } : {}) },
  );
  if (child.status === 0) return { kind: 'done', ...(JSON.parse(child.stdout) as BaselineResult) };
  const progress = child.stderr.trim().split('\n').filter((l) => l.startsWith('indexed')).pop() ?? 'indexed 0';
  return { kind: 'stopped', afterMs: performance.now() - started, indexed: progress.replace(/^indexed /, '') };
}

/** Every figure measured at one corpus size. */
export interface SizeResult {
  articles: number;
  statements: number;
  speakers: number;
  generateMs: number | null;
  loadMs: number;
  extractMs: number;
  groupMs: number;
  indexMs: number;
  hashMs: number;
  saveMs: number;
  cacheBytes: number;
  questions: number;
  rounds: number;
  fresh: MixTiming;
  loaded: { source: string; readyMs: number; openMs: number; firstAskMs: number; heapMb: number; rssMb: number; externalMb: number } & MixTiming;
  sameTop: { equal: number; total: number };
  baseline: BaselineOutcome;
  /** The median of five articles added in place one at a time. */
  addOneMs: number;
  reopenAfterAddMs: number | null;
  /** "What did X say about W?" from X's own quotes: how often the asked quote is shown. */
  askedQuote: AskedQuoteResult;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function time<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

/** A new article for the in-place update: real paragraphs of two corpus articles, under a new name. */
function makeExtraArticle(articles: Article[], n: number): Article {
  const a = articles[Math.floor(articles.length / 3)]!;
  const b = articles[Math.floor((2 * articles.length) / 3)]!;
  const id = `2025-05-30-bench-added-${n}`;
  return { ...a, id, path: `${id}.md`, url: `https://bench.example.org/added/${n}`, published: { value: '2025-05-30', precision: 'day', inferred: false }, body: `${b.body}\n\n${a.body}` };
}

/** Generates (or reuses) the corpus of one size and measures it end to end. */
export async function measureSize(options: { root: string; size: number; templates: ReturnType<typeof readTemplates>; rounds: number }): Promise<SizeResult> {
  const { root, size, templates, rounds } = options;
  const dir = path.join(root, 'bench/data', `corpus-${size}`);
  const marker = path.join(dir, '.generated');
  let generateMs: number | null = null;
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== `${GENERATOR_VERSION} ${size}` || countArticles(dir) !== size) {
    log(`${size}: generating`);
    [, generateMs] = time(() => generateCorpus({ dir, count: size, templates }));
    writeFileSync(marker, `${GENERATOR_VERSION} ${size}`);
  }
  rmSync(cacheDirOf(dir), { recursive: true, force: true });

  log(`${size}: loading and extracting`);
  // As openBriefbot reads a corpus: every file read and hashed (for the cache key), then parsed.
  const loadStarted = performance.now();
  const texts = await readCorpusTexts(dir);
  const keys = computeCacheKey(dir, texts);
  const hashMs = performance.now() - loadStarted;
  const { articles, problems, parsed } = parseCorpusTexts(texts, new Map());
  const corpus = { articles, problems };
  const loadMs = performance.now() - loadStarted;
  const [extraction, extractMs] = time(() => extractStatements(corpus.articles));
  const [groups, groupMs] = time(() => groupStatements(extraction.statements));
  log(`${size}: indexing ${extraction.statements.length} statements`);
  const synonyms = loadSynonyms(dir);
  const items = withContext(corpus.articles, extraction.statements);
  const [search, indexMs] = time(() => IndexedStatementSearch.build(items, synonyms));
  const data: EngineData = {
    articles: new Map(corpus.articles.map((a) => [a.id, a])),
    statements: new Map(extraction.statements.map((s) => [s.id, s])),
    speakers: new Map(extraction.speakers.map((s) => [s.id, s])),
    groups,
    search,
    indexed: search,
    lists: search,
    terms: analyseText,
    questionContext: { speakers: [], outlets: [] },
  };
  // The rest exactly as buildEngineData does it.
  updateEngineData(data, { removed: [], added: [] });
  const [cacheBytes, saveMs] = time(() => saveEngineCache(dir, toSnapshot(data, keys, parsed)));

  const engine = createEngine(data, { corpusDir: dir, problems: corpus.problems, now: () => BENCH_NOW });
  const questions = createQuestionMix(extraction.statements, extraction.speakers);
  log(`${size}: asking ${questions.length} questions × ${rounds} on the fresh build`);
  const fresh = await timeQuestions(engine, questions, rounds);

  log(`${size}: loading the persisted index in a new process`);
  const questionsFile = path.join(root, 'bench/data', `questions-${size}.json`);
  writeFileSync(questionsFile, JSON.stringify(questions, null, 1));
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=6000', '--import', 'tsx', path.join(root, 'bench/load-probe.ts'), dir, questionsFile, String(rounds)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`load probe failed: ${child.stderr.slice(-2000)}`);
  const loaded = JSON.parse(child.stdout) as SizeResult['loaded'];
  const equal = fresh.top.filter((t, i) => JSON.stringify(t) === JSON.stringify(loaded.top[i])).length;

  log(`${size}: plain minisearch baseline`);
  // At large sizes the baseline answers only the speaker + topic questions the target is about:
  // its "who said" searches alone would take many minutes.
  const baselineFile = size > 20000 ? path.join(root, 'bench/data', `questions-${size}-baseline.json`) : questionsFile;
  if (size > 20000) writeFileSync(baselineFile, JSON.stringify(questions.filter((q) => q.kind === 'speaker+topic')));
  const baseline = runBaseline(root, dir, baselineFile, size > 20000 ? 3 : rounds, size > 20000 ? BASELINE_LIMIT_MS : 0);

  log(`${size}: asked quote in the answer, Briefbot and plain minisearch`);
  const askedQuote = await measureAskedQuote(engine, (text) => data.parseQuestion!(text, BENCH_NOW), items, createAskedQuestions(extraction.statements, extraction.speakers));

  log(`${size}: adding one article in place`);
  // Five articles added one at a time, the median reported: one sample is mostly a garbage collection or a first compilation.
  const addSamples: number[] = [];
  for (let n = 1; n <= 5; n++) {
    const added = makeExtraArticle(corpus.articles, n);
    addSamples.push(time(() => updateEngineData(data, { removed: [], added: [added] }))[1]);
  }
  const addOneMs = addSamples.sort((x, y) => x - y)[2]!;
  const extra = makeExtraArticle(corpus.articles, 6);
  let reopenAfterAddMs: number | null = null;
  if (size <= 20000) {
    // The disk path, as `serve` takes it after a file appears: re-hash, load the cache, update, save.
    const file = path.join(dir, `${extra.id}.md`);
    writeFileSync(file, `---\ntitle: Added\noutlet: ${extra.outlet}\npublished: 2025-05-30\nurl: ${extra.url}\n---\n${extra.body}`);
    const reopen = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/reopen-probe.ts'), dir], { cwd: root, encoding: 'utf8' });
    rmSync(file);
    if (reopen.status === 0) {
      const result = JSON.parse(reopen.stdout) as { ms: number; source: string };
      if (result.source === 'updated') reopenAfterAddMs = result.ms;
    }
  }
  return {
    articles: corpus.articles.length,
    statements: extraction.statements.length,
    speakers: extraction.speakers.length,
    generateMs,
    loadMs,
    extractMs,
    groupMs,
    indexMs,
    hashMs,
    saveMs,
    cacheBytes,
    questions: questions.length,
    rounds,
    fresh,
    loaded,
    sameTop: { equal, total: questions.length },
    baseline,
    addOneMs,
    reopenAfterAddMs,
    askedQuote,
  };
}
