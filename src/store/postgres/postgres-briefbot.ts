import { createEngine } from '../../answer/create-engine.js';
import type { BriefbotEngine } from '../../answer/open-briefbot.js';
import { computeCacheKey } from '../../corpus/corpus-files.js';
import { formatProblem } from '../../corpus/corpus-problem.js';
import { correctEngine } from '../../corrections/correct-engine.js';
import type { Logger } from '../../logging.js';
import { loadSynonyms } from '../../search/synonyms.js';
import { openEngineData } from '../open-memory-store.js';
import { assertMigrated } from './migrate.js';
import { openPostgresStore } from './open-postgres-store.js';
import { openLazyPostgresStore } from './open-lazy-postgres-store.js';
import type { CorpusProblem } from '../../corpus/corpus-problem.js';
import type { PgPools } from './pg-pools.js';
import { writeCorpus, type WriteProgress, type WriteSummary } from './write-corpus.js';

/** Where a PostgreSQL-backed Briefbot reads from: the pools, the tenant, and the corpus folder (synonyms, corrections, reports). */
export interface PostgresOpenOptions {
  pools: PgPools;
  tenant: string;
  corpusDir: string;
  logger?: Logger;
  now?: () => Date;
  /**
   * `on-demand` (the default) reads statements and articles per question, so opening costs the same
   * at any corpus size; `held` reads them all at open into memory, as the in-process store holds them.
   */
  reads?: PostgresReads;
  /** Entries each row cache keeps when reading on demand (default 50,000). */
  cacheEntries?: number;
  /** Where a row problem met while serving goes (on demand); logged here when not given. */
  onLateProblem?: (problem: CorpusProblem) => void;
}

/** How a PostgreSQL-backed Briefbot reads the corpus: per question, or all at open. */
export type PostgresReads = 'on-demand' | 'held';

/**
 * Loads a corpus folder into the tenant's tables: extraction as the in-process store does it (the
 * persisted index is reused when it matches), editors' corrections applied, then written in
 * batches. Running it again writes only the articles that changed.
 */
export async function indexToPostgres(options: PostgresOpenOptions & { progress?: WriteProgress; batchSize?: number }): Promise<WriteSummary & { problems: number }> {
  await assertMigrated(options.pools.primary);
  const { data, problems } = await openEngineData(options.corpusDir, 'use', options.logger);
  const corrected = await correctEngine(options.corpusDir, data);
  const synonyms = loadSynonyms(options.corpusDir);
  const { base } = computeCacheKey(options.corpusDir, []);
  const summary = await writeCorpus(options.pools.primary, options.tenant, data, {
    base,
    synonyms,
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  return { ...summary, problems: [...problems, ...corrected].filter((p) => p.severity !== 'warning').length };
}

/** A Briefbot answering from the tenant's tables (searches on the replica when there is one). */
export async function openPostgresBriefbot(options: PostgresOpenOptions): Promise<BriefbotEngine & { version: number }> {
  const started = performance.now();
  await assertMigrated(options.pools.primary);
  const synonyms = loadSynonyms(options.corpusDir);
  const logProblem = (problem: CorpusProblem) => options.logger?.error({ event: 'corpus_problem', file: problem.file, field: problem.field }, formatProblem(problem));
  const onDemand = options.reads !== 'held';
  const store = onDemand ? await openLazyPostgresStore(options.pools, options.tenant, synonyms, options.onLateProblem ?? logProblem, options.cacheEntries) : await openPostgresStore(options.pools, options.tenant, synonyms);
  options.logger?.info(
    {
      event: 'corpus_indexed',
      store: 'postgres',
      reads: onDemand ? 'on-demand' : 'held',
      tenant: options.tenant,
      articles: store.reads ? store.reads.articleCount() : store.articles.size,
      statements: store.reads ? store.reads.statementCount() : store.statements.size,
      index: 'postgres',
      durationMs: Math.round(performance.now() - started),
    },
    'corpus read from PostgreSQL',
  );
  // Rows that do not fit are left out and reported like broken corpus files (logged once per change).
  // Read on demand, a row's problem is logged when a question first reads it.
  if (!onDemand) for (const problem of store.problems) logProblem(problem);
  const engine = createEngine(store, { corpusDir: options.corpusDir, problems: store.problems, now: options.now ?? (() => new Date()), ...(options.logger ? { logger: options.logger } : {}) });
  return { ...engine, version: store.version };
}
