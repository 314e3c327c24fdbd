import { z } from 'zod';
import type { AppliedCorrection } from '../../corrections/apply-corrections.js';
import { PublishedDateSchema, type Article } from '../../corpus/article.js';
import type { CorpusProblem } from '../../corpus/corpus-problem.js';
import type { Statement } from '../../statements/statement.js';
import type { ArticleMeta } from '../corpus-store.js';

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

/** A statement row with its stored text, read without its article's body. */
export interface TextStatementRow extends StatementRow {
  text: string;
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
  const checked = checkRow(row, article.id, article.body.length, speakers);
  if ('problem' in checked) return checked;
  return { statement: { ...checked.statement, text: article.body.slice(row.start_offset, row.end_offset) } };
}

/** A row's statement without its text, or its problem; `bodyLength` is the article's, when known. */
function checkRow(row: StatementRow, articleId: string, bodyLength: number, speakers: { has(id: string): boolean }): { statement: Omit<Statement, 'text'> } | { problem: CorpusProblem } {
  const bad = (field: string, message: string) => ({ problem: { file: where('statements', row.id), field, message: `${message}; the statement is not served` } });
  const { start_offset: start, end_offset: end } = row;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > bodyLength) {
    return bad('start_offset', `offsets ${start}–${end} are outside article ${articleId} (${bodyLength} characters)`);
  }
  if (row.kind !== 'direct' && row.kind !== 'indirect') return bad('kind', `"${String(row.kind).slice(0, 40)}" is neither direct nor indirect`);
  let quotation: Statement['quotation'] = null;
  if (row.quote_start !== null || row.quote_end !== null) {
    const qs = row.quote_start ?? -1;
    const qe = row.quote_end ?? -1;
    if (row.kind !== 'direct' || qs < 0 || qs > start || qe < end || qe > bodyLength) return bad('quote_start', `the quotation ${qs}–${qe} does not hold the statement`);
    quotation = { start: qs, end: qe };
  }
  if (row.speaker_id !== null && !speakers.has(row.speaker_id)) return bad('speaker_id', `speaker "${row.speaker_id.slice(0, 60)}" is not in the speakers table`);
  return { statement: { id: row.id, articleId: row.article_id, start, end, kind: row.kind, speakerId: row.speaker_id, cue: row.cue, quotation } };
}

/**
 * A statement read from its row alone, its text the stored copy, or the problem that keeps it out:
 * every check but those against the article's body, which `fitsBody` makes once the body is read.
 */
export function statementOfTextRow(row: TextStatementRow, speakers: { has(id: string): boolean }): { statement: Statement } | { problem: CorpusProblem } {
  // The body's length is not known yet: only the offsets' own order is checked here.
  const read = checkRow(row, row.article_id, Number.MAX_SAFE_INTEGER, speakers);
  if ('problem' in read) return read;
  if (typeof row.text !== 'string' || row.text.length !== row.end_offset - row.start_offset) {
    const length = typeof row.text === 'string' ? row.text.length : 0;
    return { problem: { file: where('statements', row.id), field: 'start_offset', message: `offsets ${row.start_offset}–${row.end_offset} do not fit the stored text (${length} characters); the statement is not served` } };
  }
  return { statement: { ...read.statement, text: row.text } };
}

/** The problem with a statement read from its row once its article's body is read, or null when it is an exact span of it. */
export function misfitOfBody(st: Statement, article: Article): CorpusProblem | null {
  const bad = (field: string, message: string): CorpusProblem => ({ file: where('statements', st.id), field, message: `${message}; the statement is not served` });
  if (st.end > article.body.length) return bad('start_offset', `offsets ${st.start}–${st.end} are outside article ${article.id} (${article.body.length} characters)`);
  if (st.quotation && st.quotation.end > article.body.length) return bad('quote_start', `the quotation ${st.quotation.start}–${st.quotation.end} is outside article ${article.id}`);
  if (article.body.slice(st.start, st.end) !== st.text) return bad('text', `the stored text is not the article's words at ${st.start}–${st.end}`);
  return null;
}

/** An article's metadata read from its row without the body, or the problem that keeps the article out. */
export function articleMetaOfRow(row: { id: string; meta: unknown }): { meta: ArticleMeta } | { problem: CorpusProblem } {
  const read = articleOfRow({ id: row.id, meta: row.meta, body: '' });
  if ('problem' in read) return read;
  const { id, title, outlet, url, published } = read.article;
  return { meta: { id, title, outlet, url, published } };
}
