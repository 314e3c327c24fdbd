import type { Pool } from 'pg';
import type { CorpusProblem } from '../../corpus/corpus-problem.js';
import type { Speaker, Statement } from '../../statements/statement.js';
import type { ArticleMeta } from '../corpus-store.js';
import { StoreError } from '../store-error.js';
import { articleMetaOfRow, statementOfTextRow, type TextStatementRow } from './check-rows.js';

/** What reading a tenant's rows on demand needs: the pool searches go to, the tenant, its speakers, and where row problems go. */
export interface PgReadContext {
  db: Pool;
  tenant: string;
  speakers: Map<string, Speaker>;
  /** A row that does not fit: reported once per process, never served. */
  report(problem: CorpusProblem): void;
}

const STATEMENT_COLUMNS = 'id, article_id, start_offset, end_offset, kind, speaker_id, cue, quote_start, quote_end, NULL AS correction, text';

/** Runs a read, its failure a coded error that names nothing of the database. */
export async function readRows<T extends object>(ctx: PgReadContext, sql: string, params: unknown[]): Promise<T[]> {
  try {
    return (await ctx.db.query<T>(sql, params)).rows;
  } catch (error) {
    throw new StoreError('STORE_QUERY_FAILED', 'The corpus could not be read from PostgreSQL.', { cause: error });
  }
}

/** Statements read by a condition on the statements table (`$1` is the tenant), in corpus order; corrections are read apart, once. */
export async function readStatements(
  ctx: PgReadContext,
  where: string,
  params: unknown[],
): Promise<{ statements: Statement[] }> {
  const rows = await readRows<TextStatementRow>(ctx, `SELECT ${STATEMENT_COLUMNS} FROM statements WHERE tenant = $1 AND ${where} ORDER BY seq`, [ctx.tenant, ...params]);
  const statements: Statement[] = [];
  for (const row of rows) {
    const read = statementOfTextRow(row, ctx.speakers);
    if ('problem' in read) {
      ctx.report(read.problem);
      continue;
    }
    statements.push(read.statement);
  }
  return { statements };
}

/** The metadata of some articles (bodies not read); an article whose row does not fit is missing, and reported. */
export async function readArticleMeta(ctx: PgReadContext, ids: string[]): Promise<Map<string, ArticleMeta>> {
  const out = new Map<string, ArticleMeta>();
  if (!ids.length) return out;
  const rows = await readRows<{ id: string; meta: unknown }>(ctx, 'SELECT id, meta FROM articles WHERE tenant = $1 AND id = ANY($2::text[])', [ctx.tenant, ids]);
  for (const row of rows) {
    const read = articleMetaOfRow(row);
    if ('problem' in read) ctx.report(read.problem);
    else out.set(row.id, read.meta);
  }
  return out;
}

/** `published_to >= from` and `published_from <= to` as SQL, days compared as the in-process store compares them. */
export function dateCondition(from: string | null, to: string | null, params: unknown[], prefix = ''): string {
  const parts: string[] = [];
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (from !== null) {
    params.push(from);
    parts.push(day.test(from) ? `${prefix}published_to >= $${params.length}::date` : `to_char(${prefix}published_to, 'YYYY-MM-DD') >= $${params.length}`);
  }
  if (to !== null) {
    params.push(to);
    parts.push(day.test(to) ? `${prefix}published_from <= $${params.length}::date` : `to_char(${prefix}published_from, 'YYYY-MM-DD') <= $${params.length}`);
  }
  return parts.length ? parts.join(' AND ') : 'true';
}
