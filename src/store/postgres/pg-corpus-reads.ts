import type { Statement } from '../../statements/statement.js';
import type { ArticleMeta, BrowsedGroup, CorpusReads, CorpusView } from '../corpus-store.js';
import { listArticle } from '../list-by-date.js';
import type { StatementSearch } from '../statement-search.js';
import { analyseText } from '../../search/analyse-text.js';
import { articleMetaOfRow } from './check-rows.js';
import { dateCondition, readRows, readStatements, type PgReadContext } from './pg-statement-rows.js';

/** What a store reading on demand knows without reading the corpus: sizes and statements per speaker. */
export interface CorpusTotals {
  articles: number;
  statements: number;
  bySpeaker: Map<string, number>;
}

/** The reads of a tenant's corpus in PostgreSQL that the answer code would otherwise walk the corpus for. */
export function createPgCorpusReads(ctx: PgReadContext, totals: CorpusTotals, view: () => CorpusView, search: StatementSearch): CorpusReads {
  return {
    async articlesWith(text, speakerId, textOnly) {
      // Words that are all stop words narrow nothing: every article with a direct statement (of the speaker).
      if (!text || analyseText(text).length === 0) {
        const params: unknown[] = [ctx.tenant];
        if (speakerId) params.push(speakerId);
        const rows = await readRows<{ article_id: string }>(ctx, `SELECT DISTINCT article_id FROM statements WHERE tenant = $1 AND kind = 'direct'${speakerId ? ' AND speaker_id = $2' : ''}`, params);
        return rows.map((r) => r.article_id);
      }
      const hits = await search.search({ text, speakerIds: speakerId ? new Set([speakerId]) : null, articleIds: null, directOnly: true, matchAll: true, textOnly, floor: 0 });
      return [...new Set(hits.flatMap((h) => (h.statement ? [h.statement.articleId] : [])))];
    },
    view,
    articleCount: () => totals.articles,
    statementCount: () => totals.statements,
    speakerCounts: () => totals.bySpeaker,
    async articlesDated(from, to, outlet) {
      const params: unknown[] = [ctx.tenant];
      let where = dateCondition(from, to, params);
      if (outlet !== null) {
        params.push(outlet);
        where += ` AND outlet = $${params.length}`;
      }
      const rows = await readRows<{ id: string }>(ctx, `SELECT id FROM articles WHERE tenant = $1 AND ${where}`, params);
      return new Set(rows.map((r) => r.id));
    },
    async articlesOfSpeaker(speakerId) {
      const rows = await readRows<{ article_id: string }>(ctx, 'SELECT DISTINCT article_id FROM statements WHERE tenant = $1 AND speaker_id = $2', [ctx.tenant, speakerId]);
      return new Set(rows.map((r) => r.article_id));
    },
    async statementsOfSpeaker(speakerId) {
      return (await readStatements(ctx, 's.speaker_id = $2', [speakerId])).statements;
    },
    async mentions(needle) {
      const rows = await readRows<{ n: string }>(ctx, 'SELECT count(*) AS n FROM articles WHERE tenant = $1 AND strpos(lower(body), $2) > 0', [ctx.tenant, needle]);
      return Number(rows[0]?.n ?? 0);
    },
    async sources() {
      const rows = await readRows<{ id: string; meta: unknown; n: string }>(
        ctx,
        `SELECT a.id, a.meta, (SELECT count(*) FROM statements s WHERE s.tenant = a.tenant AND s.article_id = a.id) AS n FROM articles a WHERE a.tenant = $1`,
        [ctx.tenant],
      );
      const out: Array<{ article: ArticleMeta; statements: number }> = [];
      for (const row of rows) {
        const read = articleMetaOfRow(row);
        if ('problem' in read) ctx.report(read.problem);
        else out.push({ article: read.meta, statements: Number(row.n) });
      }
      return out.sort((a, b) => b.article.published.value.localeCompare(a.article.published.value) || a.article.id.localeCompare(b.article.id));
    },
    browse: (articleIds, want, into) => browse(ctx, articleIds, want, into),
    async articleIds() {
      return (await readRows<{ id: string }>(ctx, 'SELECT id FROM articles WHERE tenant = $1 ORDER BY id', [ctx.tenant])).map((r) => r.id);
    },
    async read(articleIds) {
      const into = view();
      const { statements } = await readStatements(ctx, 's.article_id = ANY($2::text[])', [articleIds]);
      await into.fill({ hits: statements, bodies: articleIds });
      return { articles: [...into.articles.values()], statements: statements.filter((st) => !into.broken.has(st.id) && into.articles.has(st.articleId)) };
    },
  };
}

/**
 * Every quote of some articles (or all) newest first, as the in-process store lists them: the
 * total counted in SQL (a remark group once, the sentences of one quotation once), then articles
 * read newest first, a batch at a time, until the page is full.
 */
async function browse(ctx: PgReadContext, articleIds: ReadonlySet<string> | null, want: number, view: CorpusView): Promise<{ top: BrowsedGroup[]; total: number }> {
  const ids = articleIds ? [...articleIds] : null;
  const filter = ids ? ' AND s.article_id = ANY($2::text[])' : '';
  const counted = await readRows<{ n: string }>(
    ctx,
    `SELECT count(DISTINCT COALESCE('g' || g.group_no::text, CASE WHEN s.quote_start IS NOT NULL THEN 'q' || s.article_id || '#' || s.quote_start::text END, 's' || s.id)) AS n
       FROM statements s LEFT JOIN remark_groups g ON g.tenant = s.tenant AND g.statement_id = s.id WHERE s.tenant = $1${filter}`,
    ids ? [ctx.tenant, ids] : [ctx.tenant],
  );
  const total = Number(counted[0]?.n ?? 0);
  const within = (st: Statement) => !articleIds || articleIds.has(st.articleId);
  const top: BrowsedGroup[] = [];
  let batch = Math.max(16, want * 2);
  for (let offset = 0; top.length < want; offset += batch, batch *= 2) {
    const params: unknown[] = ids ? [ctx.tenant, ids, batch, offset] : [ctx.tenant, batch, offset];
    const rows = await readRows<{ id: string; meta: unknown }>(
      ctx,
      `SELECT id, meta FROM articles WHERE tenant = $1${ids ? ' AND id = ANY($2::text[])' : ''}
        ORDER BY published_value COLLATE "C" DESC, id COLLATE "C" LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    if (!rows.length) break;
    const metas = rows.flatMap((row) => {
      const read = articleMetaOfRow(row);
      if ('problem' in read) ctx.report(read.problem);
      return 'problem' in read ? [] : [read.meta];
    });
    const { statements } = await readStatements(ctx, 's.article_id = ANY($2::text[])', [metas.map((m) => m.id)]);
    await view.fill({ hits: statements });
    const byArticle = new Map<string, Statement[]>();
    for (const st of statements) if (!view.broken.has(st.id)) (byArticle.get(st.articleId) ?? byArticle.set(st.articleId, []).get(st.articleId)!).push(st);
    const dateOf = (id: string) => (view.articleMeta?.get(id) ?? view.articles.get(id))?.published.value ?? '';
    for (const article of metas) {
      if (top.length >= want) break;
      listArticle({ id: article.id, date: article.published.value }, byArticle.get(article.id) ?? [], (id) => view.groups.get(id), within, dateOf, top, want);
    }
  }
  return { top, total };
}

