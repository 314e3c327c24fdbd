import { z } from 'zod';
import type { AppliedCorrection } from '../../corrections/apply-corrections.js';
import { PublishedDateSchema, type Article } from '../../corpus/article.js';
import type { CorpusProblem } from '../../corpus/corpus-problem.js';
import type { Statement } from '../../statements/statement.js';

/** An article row as the store keeps it: the metadata (jsonb) and the body; fields added later are kept. */
const StoredArticleSchema = z.looseObject({
  id: z.string().min(1),
  path: z.string(),
  title: z.string().min(1),
  titleInferred: z.string().optional(),
  outlet: z.string().min(1),
  url: z.string().min(1),
  byline: z.string().optional(),
  licence: z.string().optional(),
  published: PublishedDateSchema,
  body: z.string(),
});

export interface ArticleRow {
  id: string;
  meta: unknown;
  body: unknown;
}

export interface StatementRow {
  id: string;
  article_id: string;
  start_offset: number;
  end_offset: number;
  kind: string;
  speaker_id: string | null;
  cue: string | null;
  quote_start: number | null;
  quote_end: number | null;
  correction: AppliedCorrection | null;
}

/** Where a problem with a row is said to be: the table and the row's id, as a file would be named. */
const where = (table: string, id: string) => `postgres:${table}/${id}`;

/**
 * An article read from a row, or the problem that keeps it out (a row another version or a hand
 * edit broke): said with the table, id and field, like a corpus file's, so the rest is still served.
 */
export function articleOfRow(row: ArticleRow): { article: Article } | { problem: CorpusProblem } {
  const meta = typeof row.meta === 'object' && row.meta !== null ? row.meta : {};
  const parsed = StoredArticleSchema.safeParse({ ...meta, id: row.id, body: row.body });
  if (parsed.success) return { article: parsed.data as Article };
  const issue = parsed.error.issues[0]!;
  return { problem: { file: where('articles', row.id), field: issue.path.join('.') || null, message: `${issue.message}; the article is not served` } };
}

/**
 * A statement read from a row, its text cut from the article by its offsets, or the problem that
 * keeps it out: offsets outside the body, an unknown kind, a quotation that does not hold the
 * statement, or a speaker the store does not have. A quote is never shown from a row that does not
 * fit its article, nor given to a speaker that is not there.
 */
export function statementOfRow(row: StatementRow, article: Article, speakers: { has(id: string): boolean }): { statement: Statement } | { problem: CorpusProblem } {
  const bad = (field: string, message: string) => ({ problem: { file: where('statements', row.id), field, message: `${message}; the statement is not served` } });
  const { start_offset: start, end_offset: end } = row;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > article.body.length) {
    return bad('start_offset', `offsets ${start}–${end} are outside article ${article.id} (${article.body.length} characters)`);
  }
  if (row.kind !== 'direct' && row.kind !== 'indirect') return bad('kind', `"${String(row.kind).slice(0, 40)}" is neither direct nor indirect`);
  let quotation: Statement['quotation'] = null;
  if (row.quote_start !== null || row.quote_end !== null) {
    const qs = row.quote_start ?? -1;
    const qe = row.quote_end ?? -1;
    if (row.kind !== 'direct' || qs < 0 || qs > start || qe < end || qe > article.body.length) return bad('quote_start', `the quotation ${qs}–${qe} does not hold the statement`);
    quotation = { start: qs, end: qe };
  }
  if (row.speaker_id !== null && !speakers.has(row.speaker_id)) return bad('speaker_id', `speaker "${row.speaker_id.slice(0, 60)}" is not in the speakers table`);
  return {
    statement: {
      id: row.id,
      articleId: row.article_id,
      text: article.body.slice(start, end),
      start,
      end,
      kind: row.kind,
      speakerId: row.speaker_id,
      cue: row.cue,
      quotation,
    },
  };
}
