import type { Article } from '../corpus/article.js';
import type { Statement } from '../statements/statement.js';
import type { CorpusStore, CorpusView } from '../store/corpus-store.js';
import type { StatementGroup } from '../store/group-statements.js';
import { compareText, keyOf, listArticle, type ListedGroup } from '../store/list-by-date.js';
import type { Placed } from './rank-groups.js';

/** What browsing reads, built on the first browse after a change of the corpus. */
export interface BrowseOrder {
  /** Articles newest first, then by id: the order results are listed in. */
  newest: Article[];
  /** The groups of more than one statement: the only ones that can be counted twice. */
  shared: StatementGroup[];
  /** Per article, how many statements it lists once the sentences of one quotation count as one. */
  merged: Map<string, number>;
  /** The same over every article. */
  mergedTotal: number;
}

function createBrowseOrder(data: CorpusStore): BrowseOrder {
  const newest = [...data.articles.values()].sort((a, b) => compareText(b.published.value, a.published.value) || compareText(a.id, b.id));
  const shared = new Set<StatementGroup>();
  for (const group of data.groups.values()) if (group.members.length > 1) shared.add(group);
  // Sentences of one quotation are one result (as ranking keys them): count the extra ones.
  const merged = new Map<string, number>();
  const keys = new Set<string>();
  let mergedTotal = 0;
  for (const st of data.statements.values()) {
    const key = keyOf(data.groups.get(st.id) ?? { members: [st] }, st);
    if (typeof key !== 'string') continue;
    if (keys.has(key)) {
      merged.set(st.articleId, (merged.get(st.articleId) ?? 0) + 1);
      mergedTotal++;
    } else keys.add(key);
  }
  return { newest, shared: [...shared], merged, mergedTotal };
}

/**
 * Every statement of the given articles (or of all), as groups newest first: the first `want` and
 * how many there are, the same as ranking every statement by date would give. Articles are read
 * in date order until the page is full, so "what was said in 2015?" does not sort a whole year.
 * Null when the search backend cannot list an article's statements.
 */
export async function browseNewest(data: CorpusStore, articleIds: ReadonlySet<string> | null, want: number): Promise<{ top: Placed[]; total: number } | null> {
  if (data.reads && 'fill' in data) {
    const browsed = await data.reads.browse(articleIds, want, data as CorpusView);
    return { top: browsed.top.map((g) => ({ ...g, score: 0, shown: 0 })), total: browsed.total };
  }
  const indexed = data.lists;
  if (!indexed) return null;
  const order = (data.browseOrder ??= createBrowseOrder(data));
  const within = (st: Statement) => !articleIds || articleIds.has(st.articleId);

  // A group counts once however many of its statements are listed.
  let total = 0;
  if (articleIds) for (const id of articleIds) total += indexed.countOfArticle(id) - (order.merged.get(id) ?? 0);
  else total = data.statements.size - order.mergedTotal;
  for (const group of order.shared) {
    let inside = 0;
    for (const m of group.members) if (within(m)) inside++;
    if (inside > 1) total -= inside - 1;
  }

  // A group is listed at its first source: its earliest article, where that article words it fullest.
  const listed: ListedGroup[] = [];
  const dateOf = (id: string) => data.articles.get(id)!.published.value;
  for (const article of order.newest) {
    if (listed.length >= want) break;
    if (articleIds && !articleIds.has(article.id)) continue;
    listArticle({ id: article.id, date: article.published.value }, indexed.statementsOfArticle(article.id), (id) => data.groups.get(id), within, dateOf, listed, want);
  }
  return { top: listed.map((g) => ({ ...g, score: 0, shown: 0 })), total };
}
