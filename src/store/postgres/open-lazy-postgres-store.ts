import type { Pool } from 'pg';
import type { AppliedCorrection } from '../../corrections/apply-corrections.js';
import type { CorpusProblem } from '../../corpus/corpus-problem.js';
import { questionSpeakers } from '../../answer/question-speakers.js';
import { createQuestionParser } from '../../question/parse-question.js';
import { analyseText } from '../../search/analyse-text.js';
import type { Synonyms } from '../../search/synonyms.js';
import type { CorpusView } from '../corpus-store.js';
import { readSpeakers, readTermStatistics, type PostgresStore } from './open-postgres-store.js';
import { createPgCorpusReads } from './pg-corpus-reads.js';
import { createPgView, type SharedParts } from './pg-corpus-view.js';
import { PostgresStatementSearch } from './postgres-search.js';
import { PgRowCache, readStatements, statementsByIds, type PgReadContext } from './pg-statement-rows.js';

/**
 * Opens a tenant's corpus in PostgreSQL without reading it: the speakers, outlets, term
 * statistics, corrections and counts are read at open (a few small queries, whatever the corpus
 * size); statements and articles are read per question, through its view, as its steps need them.
 * Rows that do not fit are found as they are read, reported once each (`onProblem`) and never shown.
 */
export async function openLazyPostgresStore(
  pools: { primary: Pool; reads: Pool },
  tenant: string,
  synonyms: Synonyms,
  onProblem: (problem: CorpusProblem) => void = () => undefined,
  /** Entries each row cache keeps before it is emptied (see PgRowCache). */
  cacheEntries?: number,
): Promise<PostgresStore> {
  const db = pools.reads;
  const problems: CorpusProblem[] = [];
  const seen = new Set<string>();
  const report = (problem: CorpusProblem) => {
    const key = `${problem.file} ${problem.field ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
    onProblem(problem);
  };
  const [state, speakers, outletRows, countRows, correctionRows] = await Promise.all([
    db.query<{ version: string; articles: string | null }>('SELECT version, articles FROM corpus_state WHERE tenant = $1', [tenant]),
    readSpeakers(db, tenant),
    // Each outlet found by one probe of the (tenant, outlet) index after the last: cheap however many articles each has.
    db.query<{ outlet: string }>(
      `WITH RECURSIVE o AS (
         (SELECT outlet FROM articles WHERE tenant = $1 ORDER BY outlet LIMIT 1)
         UNION ALL
         SELECT (SELECT a.outlet FROM articles a WHERE a.tenant = $1 AND a.outlet > o.outlet ORDER BY a.outlet LIMIT 1) FROM o WHERE o.outlet IS NOT NULL)
       SELECT outlet FROM o WHERE outlet IS NOT NULL`,
      [tenant],
    ),
    db.query<{ speaker_id: string; n: string; l0: string; l1: string }>(
      'SELECT speaker_key AS speaker_id, statements AS n, text_length AS l0, context_length AS l1 FROM speaker_stats WHERE tenant = $1',
      [tenant],
    ),
    db.query<{ id: string; correction: AppliedCorrection }>('SELECT id, correction FROM statements WHERE tenant = $1 AND correction IS NOT NULL', [tenant]),
  ]);
  const bySpeaker = new Map<string, number>();
  let statements = 0;
  let l0 = 0;
  let l1 = 0;
  for (const r of countRows.rows) {
    const n = Number(r.n);
    statements += n;
    l0 += Number(r.l0);
    l1 += Number(r.l1);
    // Counts of speakers the speakers table lacks are not offered as suggestions.
    if (r.speaker_id !== '' && speakers.has(r.speaker_id)) bySpeaker.set(r.speaker_id, n);
  }
  const stats = await readTermStatistics(db, tenant, { docCount: statements, avgLength: statements ? [l0 / statements, l1 / statements] : [0, 0] });
  const ctx: PgReadContext = { db, tenant, speakers, report, cache: new PgRowCache(cacheEntries) };
  const questionContext = { speakers: questionSpeakers([...speakers.values()]), outlets: outletRows.rows.map((r) => r.outlet) };
  const corrections = new Map(correctionRows.rows.map((r) => [r.id, r.correction]));
  const search = new PostgresStatementSearch(db, tenant, stats, synonyms, {
    byIds: (ids) => statementsByIds(ctx, ids),
    unsearched: async (request) =>
      (request.speakerIds
        ? await readStatements(ctx, 's.speaker_id = ANY($2::text[])', [[...request.speakerIds]])
        : request.articleIds
          ? await readStatements(ctx, 's.article_id = ANY($2::text[])', [[...request.articleIds]])
          : await readStatements(ctx, 'true', [])
      ).statements,
  });
  const shared: SharedParts = { speakers, search, terms: analyseText, questionContext, parseQuestion: createQuestionParser(questionContext), corrections };
  const view = (): CorpusView => createPgView(shared, ctx);
  // Set by every write (a database written before it counts them once).
  const articles = state.rows[0]?.articles ?? (await db.query<{ n: string }>('SELECT count(*) AS n FROM articles WHERE tenant = $1', [tenant])).rows[0]?.n ?? 0;
  shared.reads = createPgCorpusReads(ctx, { articles: Number(articles), statements, bySpeaker }, view, search);
  return {
    ...shared,
    version: Number(state.rows[0]?.version ?? 0),
    problems,
    // Nothing of the corpus is held: questions read through `reads`, each on its own view.
    articles: new Map(),
    statements: new Map(),
    groups: new Map(),
  };
}
