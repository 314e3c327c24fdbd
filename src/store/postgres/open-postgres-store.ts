import type { Pool } from 'pg';
import type { AppliedCorrection } from '../../corrections/apply-corrections.js';
import type { Article } from '../../corpus/article.js';
import type { CorpusProblem } from '../../corpus/corpus-problem.js';
import { analyseText } from '../../search/analyse-text.js';
import type { Synonyms } from '../../search/synonyms.js';
import type { Speaker, Statement } from '../../statements/statement.js';
import type { CorpusStore, StatementLists } from '../corpus-store.js';
import type { StatementGroup } from '../group-statements.js';
import { contextOf } from '../memory-store.js';
import { articleOfRow, statementOfRow, type ArticleRow, type StatementRow } from './check-rows.js';
import { PostgresStatementSearch, type TermStatistics } from './postgres-search.js';

/** A PostgreSQL-backed corpus store, with the version of the corpus it was read at. */
export interface PostgresStore extends CorpusStore {
  version: number;
  /** Rows left out because they do not fit (see check-rows.ts), each with its table, id and field. */
  problems: CorpusProblem[];
}

function listsOf(statements: Statement[]): StatementLists & { all(): Statement[] } {
  const bySpeaker = new Map<string, Statement[]>();
  const byArticle = new Map<string, Statement[]>();
  for (const st of statements) {
    if (st.speakerId) (bySpeaker.get(st.speakerId) ?? bySpeaker.set(st.speakerId, []).get(st.speakerId)!).push(st);
    (byArticle.get(st.articleId) ?? byArticle.set(st.articleId, []).get(st.articleId)!).push(st);
  }
  return {
    all: () => statements,
    articlesOfSpeaker: (id) => new Set((bySpeaker.get(id) ?? []).map((st) => st.articleId)),
    statementsOfSpeaker: (id) => bySpeaker.get(id) ?? [],
    statementsOfArticle: (id) => byArticle.get(id) ?? [],
    countOfArticle: (id) => byArticle.get(id)?.length ?? 0,
  };
}

/**
 * Reads a tenant's corpus from PostgreSQL: articles, statements (their text cut from the article
 * body by offsets), speakers with aliases, groups and term statistics. Searches then go to `reads`
 * (the replica when there is one). Nothing is extracted or indexed in this process.
 */
export async function openPostgresStore(pools: { primary: Pool; reads: Pool }, tenant: string, synonyms: Synonyms): Promise<PostgresStore> {
  const db = pools.reads;
  const state = await db.query<{ version: string }>('SELECT version FROM corpus_state WHERE tenant = $1', [tenant]);
  const problems: CorpusProblem[] = [];
  const articleRows = await db.query<ArticleRow>('SELECT id, meta, body FROM articles WHERE tenant = $1 ORDER BY id', [tenant]);
  const articles = new Map<string, Article>();
  for (const row of articleRows.rows) {
    const read = articleOfRow(row);
    if ('problem' in read) problems.push(read.problem);
    else articles.set(row.id, read.article);
  }
  const speakers = await readSpeakers(db, tenant);
  const statementRows = await db.query<StatementRow>(
    'SELECT id, article_id, start_offset, end_offset, kind, speaker_id, cue, quote_start, quote_end, correction FROM statements WHERE tenant = $1 ORDER BY seq',
    [tenant],
  );
  const statements = new Map<string, Statement>();
  const corrections = new Map<string, AppliedCorrection>();
  for (const r of statementRows.rows) {
    // A statement of an article left out goes with it (its problem is the article's).
    const article = articles.get(r.article_id);
    if (!article) continue;
    const read = statementOfRow(r, article, speakers);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    statements.set(r.id, read.statement);
    if (r.correction) corrections.set(r.id, r.correction);
  }
  const groupRows = await db.query<{ statement_id: string; group_no: number; is_lead: boolean }>('SELECT statement_id, group_no, is_lead FROM remark_groups WHERE tenant = $1 ORDER BY group_no', [tenant]);
  const groups = new Map<string, StatementGroup>();
  const byNo = new Map<number, StatementGroup>();
  for (const r of groupRows.rows) {
    const st = statements.get(r.statement_id);
    if (!st) continue;
    const group = byNo.get(r.group_no) ?? byNo.set(r.group_no, { lead: st, members: [] }).get(r.group_no)!;
    group.members.push(st);
    if (r.is_lead) group.lead = st;
    groups.set(st.id, group);
  }
  for (const st of statements.values()) if (!groups.has(st.id)) groups.set(st.id, { lead: st, members: [st] });
  const stats = await readTermStatistics(db, tenant);
  const all = [...statements.values()];
  const lists = listsOf(all);
  return {
    version: Number(state.rows[0]?.version ?? 0),
    problems,
    articles,
    statements,
    speakers,
    groups,
    search: new PostgresStatementSearch(db, tenant, stats, synonyms, {
      byIds: async (ids) => new Map(ids.flatMap((id) => (statements.has(id) ? [[id, statements.get(id)!] as const] : []))),
      unsearched: async (request) =>
        request.speakerIds
          ? [...request.speakerIds].flatMap((id) => lists.statementsOfSpeaker(id))
          : request.articleIds
            ? [...request.articleIds].flatMap((id) => lists.statementsOfArticle(id))
            : lists.all(),
    }),
    terms: analyseText,
    lists,
    corrections,
    ...contextOf(speakers.values(), articles.values()),
  };
}

/** The tenant's speakers with their aliases. */
export async function readSpeakers(db: Pool, tenant: string): Promise<Map<string, Speaker>> {
  // Two plain reads joined here: cheaper than aggregating the aliases in SQL for tens of thousands of speakers.
  const [speakerRows, aliasRows] = await Promise.all([
    db.query<{ id: string; name: string; kind: Speaker['kind']; roles: string[] }>('SELECT id, name, kind, roles FROM speakers WHERE tenant = $1 ORDER BY id', [tenant]),
    db.query<{ speaker_id: string; alias: string }>('SELECT speaker_id, alias FROM speaker_aliases WHERE tenant = $1 ORDER BY speaker_id, position', [tenant]),
  ]);
  const speakers = new Map<string, Speaker>(speakerRows.rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind, aliases: [], roles: r.roles }]));
  for (const r of aliasRows.rows) speakers.get(r.speaker_id)?.aliases.push(r.alias);
  return speakers;
}

/** The tenant's document frequencies, document count and average field lengths. */
export async function readTermStatistics(db: Pool, tenant: string, known?: Pick<TermStatistics, 'docCount' | 'avgLength'>): Promise<TermStatistics> {
  const rows = await db.query<{ field: number; term: string; df: number }>('SELECT field, term, df FROM term_stats WHERE tenant = $1 ORDER BY first_seq, term', [tenant]);
  const df = new Map<string, [number, number]>();
  const order: string[] = [];
  for (const r of rows.rows) {
    let entry = df.get(r.term);
    if (!entry) {
      entry = [0, 0];
      df.set(r.term, entry);
      order.push(r.term);
    }
    entry[r.field] = r.df;
  }
  if (known) return { df, order, ...known };
  const totals = await db.query<{ n: string; l0: number | null; l1: number | null }>(
    'SELECT count(*) AS n, avg(text_length)::float8 AS l0, avg(context_length)::float8 AS l1 FROM statements WHERE tenant = $1',
    [tenant],
  );
  const t = totals.rows[0]!;
  return { df, order, docCount: Number(t.n), avgLength: [t.l0 ?? 0, t.l1 ?? 0] };
}
