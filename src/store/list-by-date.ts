import type { Statement } from '../statements/statement.js';
import type { StatementGroup } from './group-statements.js';

/** Code-point order: the same on every machine, and far cheaper than `localeCompare` in big sorts. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What a hit is shown as: its group (one remark in several articles), or, for a statement reported
 * once, the whole quotation it belongs to, so two sentences of one quotation make one result.
 */
export function keyOf(group: { members: Statement[] }, st: Statement): object | string {
  return group.members.length === 1 && st.quotation ? `${st.articleId}#${st.quotation.start}` : group;
}

/** The source a result lists first: its earliest article (then the lowest id), at that article's fullest wording. */
export function firstSourceOf(members: Statement[], dateOf: (articleId: string) => string): { date: string; articleId: string; start: number } {
  if (members.length === 1) {
    const only = members[0]!;
    return { date: dateOf(only.articleId), articleId: only.articleId, start: only.start };
  }
  const perArticle = new Map<string, Statement>();
  for (const m of members) {
    const have = perArticle.get(m.articleId);
    if (!have || m.text.length > have.text.length) perArticle.set(m.articleId, m);
  }
  let first: { date: string; articleId: string; start: number } | null = null;
  for (const m of perArticle.values()) {
    const date = dateOf(m.articleId);
    if (!first || compareText(date, first.date) < 0 || (date === first.date && compareText(m.articleId, first.articleId) < 0)) first = { date, articleId: m.articleId, start: m.start };
  }
  return first!;
}

/** One group listed when browsing newest first, at its first source. */
export interface ListedGroup {
  members: Statement[];
  date: string;
  articleId: string;
  start: number;
}

/**
 * Lists one article's statements as browsing newest first lists them, onto `top` until it holds
 * `want`: verbatim words first, then reported speech, each in article order; the sentences of one
 * quotation once; a group only at its first source (its earliest article, where that words it fullest).
 */
export function listArticle(
  article: { id: string; date: string },
  statements: Statement[],
  groupOf: (id: string) => StatementGroup | undefined,
  within: (st: Statement) => boolean,
  dateOf: (articleId: string) => string,
  top: ListedGroup[],
  want: number,
): void {
  const quotations = new Set<string>();
  const listed = [...statements].sort((a, b) => (a.kind === b.kind ? a.start - b.start : a.kind === 'direct' ? -1 : 1));
  for (const st of listed) {
    if (top.length >= want) return;
    const group = groupOf(st.id);
    const key = keyOf(group ?? { members: [st] }, st);
    if (typeof key === 'string') {
      if (quotations.has(key)) continue;
      quotations.add(key);
    }
    const members = !group || group.members.length === 1 ? [st] : group.members.filter(within);
    const first = members.length === 1 ? null : firstSourceOf(members, dateOf);
    if (first && (first.articleId !== st.articleId || first.start !== st.start)) continue;
    top.push({ members, date: article.date, articleId: article.id, start: st.start });
  }
}
