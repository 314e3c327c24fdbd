import type { Article } from '../corpus/article.js';
import type { Statement } from '../statements/statement.js';
import type { EngineData } from './build-engine.js';
import type { StatementGroup } from './group-statements.js';
import { compareText, firstSource, type Placed } from './rank-groups.js';

/** What browsing reads, built on the first browse after a change of the corpus. */
export interface BrowseOrder {
  /** Articles newest first, then by id: the order results are listed in. */
  newest: Article[];
  /** The groups of more than one statement: the only ones that can be counted twice. */
  shared: StatementGroup[];
}

function createBrowseOrder(data: EngineData): BrowseOrder {
  const newest = [...data.articles.values()].sort((a, b) => compareText(b.published.value, a.published.value) || compareText(a.id, b.id));
  const shared = new Set<StatementGroup>();
  for (const group of data.groups.values()) if (group.members.length > 1) shared.add(group);
  return { newest, shared: [...shared] };
}

/**
 * Every statement of the given articles (or of all), as groups newest first: the first `want` and
 * how many there are, the same as ranking every statement by date would give. Articles are read
 * in date order until the page is full, so "what was said in 2015?" does not sort a whole year.
 * Null when the search backend cannot list an article's statements.
 */
export function browseNewest(data: EngineData, articleIds: ReadonlySet<string> | null, want: number): { top: Placed[]; total: number } | null {
  const indexed = data.indexed;
  if (!indexed) return null;
  const order = (data.browseOrder ??= createBrowseOrder(data));
  const within = (st: Statement) => !articleIds || articleIds.has(st.articleId);

  // A group counts once however many of its statements are listed.
  let total = 0;
  if (articleIds) for (const id of articleIds) total += indexed.countOfArticle(id);
  else total = data.statements.size;
  for (const group of order.shared) {
    let inside = 0;
    for (const m of group.members) if (within(m)) inside++;
    if (inside > 1) total -= inside - 1;
  }

  // A group is listed at its first source: its earliest article, where that article words it fullest.
  const top: Placed[] = [];
  for (const article of order.newest) {
    if (top.length >= want) break;
    if (articleIds && !articleIds.has(article.id)) continue;
    for (const st of indexed.statementsOfArticle(article.id).sort((a, b) => a.start - b.start)) {
      const group = data.groups.get(st.id);
      const members = !group || group.members.length === 1 ? [st] : group.members.filter(within);
      const first = members.length === 1 ? null : firstSource(data, members);
      if (first && (first.articleId !== st.articleId || first.start !== st.start)) continue;
      top.push({ members, score: 0, shown: 0, date: article.published.value, articleId: article.id, start: st.start });
      if (top.length >= want) break;
    }
  }
  return { top, total };
}
