import type { Article } from '../../corpus/article.js';
import type { Statement } from '../../statements/statement.js';
import type { ArticleMeta, CorpusStore, CorpusView, ViewNeeds } from '../corpus-store.js';
import type { StatementGroup } from '../group-statements.js';
import { articleOfRow, misfitOfBody, type ArticleRow } from './check-rows.js';
import { readArticleMeta, readRows, statementsByIds, type PgReadContext } from './pg-statement-rows.js';

/** What every view of a store shares: the speakers, the question parser, search and the store's reads. */
export type SharedParts = Omit<CorpusStore, 'articles' | 'statements' | 'groups' | 'articleMeta'>;

/**
 * One question's view of a tenant's corpus in PostgreSQL. It starts empty; each step of the answer
 * fills what it reads next (the hits' groups and their articles' metadata, then the shown results'
 * articles whole), so a question reads a few rows, never the corpus. Rows read once are cached by
 * the store (bounded), so a question like an earlier one reads next to nothing.
 */
export function createPgView(shared: SharedParts, ctx: PgReadContext): CorpusView {
  const statements = new Map<string, Statement>();
  const groups = new Map<string, StatementGroup>();
  const articles = new Map<string, Article>();
  const articleMeta = new Map<string, ArticleMeta>();
  const broken = new Set<string>();
  /** Articles whose rows do not fit (their statements are broken with them). */
  const missing = new Set<string>();

  const add = (list: Iterable<Statement>) => {
    for (const st of list) if (!statements.has(st.id)) statements.set(st.id, st);
  };

  const readMeta = async (ids: Iterable<string>) => {
    const wanted = [...new Set(ids)].filter((id) => !articleMeta.has(id) && !articles.has(id) && !missing.has(id));
    if (!wanted.length) return;
    const read = await readArticleMeta(ctx, wanted);
    for (const id of wanted) {
      const meta = read.get(id);
      if (meta) articleMeta.set(id, meta);
      else missing.add(id);
    }
    for (const st of statements.values()) if (missing.has(st.articleId)) broken.add(st.id);
  };

  /** The members of remark groups, from the cache or read. */
  const readMembers = async (numbers: number[]) => {
    // Taken from the cache first: a cache emptied while more are read (at its limit) loses nothing here.
    const out = new Map<number, { ids: string[]; lead: string | null }>();
    for (const n of numbers) {
      const cached = ctx.cache.members.get(n);
      if (cached) out.set(n, cached);
    }
    const unknown = numbers.filter((n) => !out.has(n));
    if (unknown.length) {
      const rows = await readRows<{ statement_id: string; group_no: number; is_lead: boolean }>(
        ctx,
        'SELECT statement_id, group_no, is_lead FROM remark_groups WHERE tenant = $1 AND group_no = ANY($2::int[]) ORDER BY group_no, statement_id',
        [ctx.tenant, unknown],
      );
      const read = new Map<number, { ids: string[]; lead: string | null }>(unknown.map((n) => [n, { ids: [], lead: null }]));
      for (const r of rows) {
        const group = read.get(r.group_no)!;
        group.ids.push(r.statement_id);
        if (r.is_lead) group.lead = r.statement_id;
      }
      for (const [n, group] of read) {
        out.set(n, group);
        ctx.cache.members.set(n, group);
      }
    }
    return out;
  };

  /** The groups of statements not yet grouped, with every member; broken members are left out. */
  const readGroups = async (list: Statement[]) => {
    const wanted = list.filter((st) => !groups.has(st.id));
    if (!wanted.length) return;
    // A statement whose group the cache no longer knows is looked up, never taken for a group of its own.
    const unknown = wanted.filter((st) => ctx.cache.groupOf.get(st.id) === undefined).map((st) => st.id);
    const looked = new Map<string, number | null>(unknown.map((id) => [id, null]));
    if (unknown.length) {
      const rows = await readRows<{ statement_id: string; group_no: number }>(ctx, 'SELECT statement_id, group_no FROM remark_groups WHERE tenant = $1 AND statement_id = ANY($2::text[])', [ctx.tenant, unknown]);
      for (const r of rows) looked.set(r.statement_id, r.group_no);
      for (const [id, n] of looked) ctx.cache.groupOf.set(id, n);
    }
    const numbers = [...new Set(wanted.flatMap((st) => {
      const n = looked.has(st.id) ? looked.get(st.id) : ctx.cache.groupOf.get(st.id);
      return n === undefined || n === null ? [] : [n];
    }))];
    const members = await readMembers(numbers);
    const ids = [...members.values()].flatMap((g) => g.ids).filter((id) => !statements.has(id));
    if (ids.length) add((await statementsByIds(ctx, ids)).values());
    await readMeta([...members.values()].flatMap((g) => g.ids.flatMap((id) => (statements.has(id) ? [statements.get(id)!.articleId] : []))));
    for (const group of members.values()) {
      const live = group.ids.flatMap((id) => (statements.has(id) && !broken.has(id) ? [statements.get(id)!] : []));
      if (!live.length) continue;
      const made: StatementGroup = { lead: live.find((st) => st.id === group.lead) ?? live[0]!, members: live };
      for (const st of live) groups.set(st.id, made);
    }
    for (const st of wanted) if (!groups.has(st.id)) groups.set(st.id, { lead: st, members: [st] });
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
    // Each statement of an article read whole must be an exact span of its body.
    for (const st of statements.values()) {
      if (missing.has(st.articleId)) broken.add(st.id);
      const article = found.has(st.articleId) ? articles.get(st.articleId) : undefined;
      if (!article || broken.has(st.id)) continue;
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
      const named = [...(needs.hits ?? [])];
      if (needs.ids) named.push(...(await statementsByIds(ctx, needs.ids)).values());
      if (named.length) {
        add(named);
        await readMeta(named.map((st) => st.articleId));
        await readGroups(named);
      }
      if (needs.meta) await readMeta(needs.meta);
      if (needs.bodies) await readBodies(needs.bodies);
    },
  };
}
