import type { Article } from '../../corpus/article.js';
import type { Statement } from '../../statements/statement.js';
import type { ArticleMeta, CorpusStore, CorpusView, ViewNeeds } from '../corpus-store.js';
import type { StatementGroup } from '../group-statements.js';
import { articleOfRow, misfitOfBody, type ArticleRow } from './check-rows.js';
import { readArticleMeta, readRows, readStatements, type PgReadContext } from './pg-statement-rows.js';

/** What every view of a store shares: the speakers, the question parser, search and the store's reads. */
export type SharedParts = Omit<CorpusStore, 'articles' | 'statements' | 'groups' | 'articleMeta'>;

/**
 * One question's view of a tenant's corpus in PostgreSQL. It starts empty; each step of the answer
 * fills what it reads next (the hits' groups and articles' dates, then the shown results' articles
 * whole), so a question reads a few rows, never the corpus.
 */
export function createPgView(shared: SharedParts, ctx: PgReadContext): CorpusView {
  const statements = new Map<string, Statement>();
  const groups = new Map<string, StatementGroup>();
  const articles = new Map<string, Article>();
  const articleMeta = new Map<string, ArticleMeta>();
  const broken = new Set<string>();
  /** Articles whose rows do not fit (their statements are broken with them). */
  const missing = new Set<string>();

  const addStatements = (list: Statement[]) => {
    for (const st of list) if (!statements.has(st.id)) statements.set(st.id, st);
  };

  const readMeta = async (ids: Iterable<string>) => {
    const wanted = [...new Set(ids)].filter((id) => !articleMeta.has(id) && !articles.has(id) && !missing.has(id));
    const read = await readArticleMeta(ctx, wanted);
    for (const id of wanted) {
      const meta = read.get(id);
      if (meta) articleMeta.set(id, meta);
      else missing.add(id);
    }
  };

  const breakOfMissing = () => {
    for (const st of statements.values()) if (missing.has(st.articleId)) broken.add(st.id);
  };

  /** The groups of statements not yet grouped, with every member (read when new), broken members left out. */
  const readGroups = async (ids: string[]) => {
    const wanted = ids.filter((id) => !groups.has(id));
    if (!wanted.length) return;
    const rows = await readRows<{ statement_id: string; group_no: number; is_lead: boolean }>(
      ctx,
      `SELECT statement_id, group_no, is_lead FROM remark_groups
        WHERE tenant = $1 AND group_no IN (SELECT group_no FROM remark_groups WHERE tenant = $1 AND statement_id = ANY($2::text[]))
        ORDER BY group_no, statement_id`,
      [ctx.tenant, wanted],
    );
    const unknown = rows.map((r) => r.statement_id).filter((id) => !statements.has(id));
    if (unknown.length) {
      const read = await readStatements(ctx, 'id = ANY($2::text[])', [unknown]);
      addStatements(read.statements);
    }
    await readMeta(rows.flatMap((r) => (statements.has(r.statement_id) ? [statements.get(r.statement_id)!.articleId] : [])));
    breakOfMissing();
    const byNo = new Map<number, { members: Statement[]; lead: Statement | null }>();
    for (const r of rows) {
      const st = statements.get(r.statement_id);
      if (!st || broken.has(st.id)) continue;
      const group = byNo.get(r.group_no) ?? byNo.set(r.group_no, { members: [], lead: null }).get(r.group_no)!;
      group.members.push(st);
      if (r.is_lead) group.lead = st;
    }
    for (const g of byNo.values()) {
      if (!g.members.length) continue;
      const group: StatementGroup = { lead: g.lead ?? g.members[0]!, members: g.members };
      for (const st of g.members) groups.set(st.id, group);
    }
    for (const id of wanted) {
      const st = statements.get(id);
      if (st && !groups.has(id)) groups.set(id, { lead: st, members: [st] });
    }
  };

  const readBodies = async (ids: Iterable<string>) => {
    const wanted = [...new Set(ids)].filter((id) => !articles.has(id) && !missing.has(id));
    if (!wanted.length) return;
    const rows = await readRows<ArticleRow & { id: string }>(ctx, 'SELECT id, meta, body FROM articles WHERE tenant = $1 AND id = ANY($2::text[])', [ctx.tenant, wanted]);
    const found = new Set<string>();
    for (const row of rows) {
      const read = articleOfRow(row);
      if ('problem' in read) {
        ctx.report(read.problem);
        continue;
      }
      found.add(row.id);
      articles.set(row.id, read.article);
      articleMeta.delete(row.id);
    }
    for (const id of wanted) if (!found.has(id)) missing.add(id);
    breakOfMissing();
    // Each statement of a read article must be an exact span of its body.
    for (const st of statements.values()) {
      const article = articles.get(st.articleId);
      if (!article || !found.has(article.id) || broken.has(st.id)) continue;
      const misfit = misfitOfBody(st, article);
      if (misfit) {
        ctx.report(misfit);
        broken.add(st.id);
      }
    }
  };

  return {
    ...shared,
    statements,
    groups,
    articles,
    articleMeta,
    broken,
    async fill(needs: ViewNeeds) {
      if (needs.ids) {
        const unknown = [...needs.ids].filter((id) => !statements.has(id));
        if (unknown.length) {
          const read = await readStatements(ctx, 'id = ANY($2::text[])', [unknown]);
          addStatements(read.statements);
        }
      }
      const named = [...(needs.hits ?? []), ...[...(needs.ids ?? [])].flatMap((id) => (statements.has(id) ? [statements.get(id)!] : []))];
      if (named.length) {
        addStatements(named);
        await readMeta(named.map((st) => st.articleId));
        breakOfMissing();
        await readGroups(named.map((st) => st.id));
      }
      if (needs.meta) await readMeta(needs.meta);
      if (needs.bodies) await readBodies(needs.bodies);
    },
  };
}
