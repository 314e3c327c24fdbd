import type { Article } from '../corpus/article.js';
import { dateRange, overlaps } from '../answer/article-dates.js';

/**
 * Finds the articles whose date can fall in a range without reading every article: articles are
 * sorted by the first day their date can mean, so only those starting up to a year before the
 * range are checked (a date means at most a year). Gives the same articles as checking them all.
 */
export function createArticleDateIndex(articles: Iterable<Article>): (from: string | null, to: string | null, outlet: string | null) => Set<string> {
  const sorted = [...articles].map((a) => ({ a, from: dateRange(a.published).from })).sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
  const firstFrom = (day: string): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.from < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (from, to, outlet) => {
    const out = new Set<string>();
    // A year-long date starting a year (plus a day) before `from` is the earliest that can reach it.
    const start = from ? firstFrom(`${String(Number(from.slice(0, 4)) - 1).padStart(4, '0')}${from.slice(4)}`) : 0;
    for (let i = start; i < sorted.length; i++) {
      const { a, from: first } = sorted[i]!;
      if (to !== null && first > to) break;
      if (overlaps(a.published, from, to) && (!outlet || a.outlet === outlet)) out.add(a.id);
    }
    return out;
  };
}
