import type { Article } from '../corpus/article.js';
import type { CorpusProblem } from '../corpus/corpus-problem.js';
import type { Logger } from '../logging.js';
import type { QuoteContext } from '../context/quote-context.js';
import { correctEngine } from '../corrections/correct-engine.js';
import type { ReportInput } from '../corrections/reports.js';
import { openEngineData, type CacheMode, type IndexInfo } from '../store/open-memory-store.js';
import type { CorpusReader } from '../store/corpus-store.js';
import type { Speaker, Statement } from '../statements/statement.js';
import type { Answer, AskOptions, Briefbot, Result } from './answer-schema.js';
import { createEngine } from './create-engine.js';

/** How to open a corpus. */
export interface OpenOptions {
  corpusDir: string;
  logger?: Logger;
  /** "Today", for relative dates in questions. */
  now?: () => Date;
  /** The persisted index: `use` by default. */
  cache?: CacheMode;
  /** Told of a problem found after opening (a store that reads rows on demand meets them as questions read them). */
  onLateProblem?: (problem: CorpusProblem) => void;
}

/** A Briefbot over one loaded corpus, with what it was built from. */
export interface BriefbotEngine extends Briefbot {
  corpusDir: string;
  articles: Article[];
  statements: Statement[];
  speakers: Speaker[];
  /** How many articles and statements it serves (a store that reads on demand lists none of them above). */
  counts?: { articles: number; statements: number };
  /** Reads the corpus some articles at a time, when the engine holds none of it (for watches). */
  reader?: CorpusReader;
  problems: CorpusProblem[];
  /** How the index was obtained. */
  index?: IndexInfo;
  quote(statementId: string): Promise<QuoteContext | null>;
  result(statementId: string): Promise<Result | null>;
  report(input: ReportInput): Promise<boolean>;
}

/** How many articles and statements an engine serves, whether it lists them or reads them on demand. */
export function sizeOf(engine: Pick<BriefbotEngine, 'articles' | 'statements' | 'counts'>): { articles: number; statements: number } {
  return engine.counts ?? { articles: engine.articles.length, statements: engine.statements.length };
}

/**
 * Loads a corpus folder, extracts its statements, indexes them and returns the engine. Broken
 * corpus files are reported in `problems` (and logged) while the rest is served. The index is
 * persisted next to the corpus and reused while the corpus, extractor and synonyms are unchanged.
 */
export async function openBriefbot(options: OpenOptions): Promise<BriefbotEngine> {
  const started = performance.now();
  const { data, problems: fileProblems, index } = await openEngineData(options.corpusDir, options.cache ?? 'use', options.logger);
  // Editors' corrections, applied after extraction (and after the index was saved), every time.
  const problems = [...fileProblems, ...(await correctEngine(options.corpusDir, data))];
  for (const p of problems) options.logger?.warn({ event: 'corpus_problem', file: p.file, field: p.field, severity: p.severity ?? 'error' }, p.message);
  options.logger?.info(
    {
      event: 'corpus_indexed',
      articles: data.articles.size,
      statements: data.statements.size,
      speakers: data.speakers.size,
      index: index.source,
      durationMs: Math.round(performance.now() - started),
    },
    'corpus indexed',
  );
  const engine = createEngine(data, { corpusDir: options.corpusDir, problems, now: options.now ?? (() => new Date()), logger: options.logger });
  return { ...engine, index };
}

export type { Answer, AskOptions, CacheMode, IndexInfo };
