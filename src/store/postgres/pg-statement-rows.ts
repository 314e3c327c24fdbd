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
  /** Rows read before, kept while this version of the corpus is served (a change opens a new store). */
  cache: PgRowCache;
}

/**
 * A cache of at most `limit` entries in two generations: new entries go to the young one; when it
 * is full it becomes the old one (the previous old one is dropped), and an entry found in the old
 * one moves back to the young. What questions keep reading stays; memory stays bounded.
 */
export class GenerationCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    if (this.young.has(key)) return this.young.get(key);
    if (!this.old.has(key)) return undefined;
    const value = this.old.get(key) as V;
    this.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.young.size >= Math.max(1, Math.floor(this.limit / 2))) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}

/** Bounded caches of rows that do not change while one version of the corpus is served. */
export class PgRowCache {
  readonly meta: GenerationCache<string, ArticleMeta | null>;
  /** A statement's remark group, or null when it is a group of its own. */
  readonly groupOf: GenerationCache<string, number | null>;
  readonly statements: GenerationCache<string, Statement>;
  /** The members of a remark group, and its lead. */
  readonly members: GenerationCache<number, { ids: string[]; lead: string | null }>;

  /** `limit`: entries each cache keeps at most, whatever the corpus size. */
  constructor(limit = 100_000) {
    this.meta = new GenerationCache(limit);
    this.groupOf = new GenerationCache(limit);
    this.statements = new GenerationCache(limit);
    this.members = new GenerationCache(limit);
  }
}

const STATEMENT_COLUMNS = 's.id, s.article_id, s.start_offset, s.end_offset, s.kind, s.speaker_id, s.cue, s.quote_start, s.quote_end, NULL AS correction, s.text, g.group_no';

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
  const rows = await readRows<TextStatementRow & { group_no: number | null }>(
    ctx,
    `SELECT ${STATEMENT_COLUMNS} FROM statements s LEFT JOIN remark_groups g ON g.tenant = s.tenant AND g.statement_id = s.id
      WHERE s.tenant = $1 AND ${where} ORDER BY s.seq`,
    [ctx.tenant, ...params],
  );
  const statements: Statement[] = [];
  for (const row of rows) {
    const read = statementOfTextRow(row, ctx.speakers);
    if ('problem' in read) {
      ctx.report(read.problem);
      continue;
    }
    statements.push(read.statement);
    ctx.cache.groupOf.set(row.id, row.group_no);
  }
  return { statements };
}

/** Statements by id, from the cache or read (and kept); a row that does not fit is missing. */
export async function statementsByIds(ctx: PgReadContext, ids: Iterable<string>): Promise<Map<string, Statement>> {
  const out = new Map<string, Statement>();
  const unknown: string[] = [];
  for (const id of ids) {
    const st = ctx.cache.statements.get(id);
    if (st) out.set(id, st);
    else unknown.push(id);
  }
  if (unknown.length) {
    for (const st of (await readStatements(ctx, 's.id = ANY($2::text[])', [unknown])).statements) {
      out.set(st.id, st);
      ctx.cache.statements.set(st.id, st);
    }
  }
  return out;
}

/** The metadata of some articles (bodies not read); an article whose row does not fit is missing, and reported. */
export async function readArticleMeta(ctx: PgReadContext, ids: string[]): Promise<Map<string, ArticleMeta>> {
  const out = new Map<string, ArticleMeta>();
  const unknown: string[] = [];
  for (const id of ids) {
    const meta = ctx.cache.meta.get(id);
    if (meta) out.set(id, meta);
    else if (meta === undefined) unknown.push(id);
  }
  if (!unknown.length) return out;
  const rows = await readRows<{ id: string; meta: unknown }>(ctx, 'SELECT id, meta FROM articles WHERE tenant = $1 AND id = ANY($2::text[])', [ctx.tenant, unknown]);
  for (const row of rows) {
    const read = articleMetaOfRow(row);
    if ('problem' in read) ctx.report(read.problem);
    else out.set(row.id, read.meta);
  }
  // An article missing or broken is remembered as such: asked again, it is not read again.
  for (const id of unknown) ctx.cache.meta.set(id, out.get(id) ?? null);
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
