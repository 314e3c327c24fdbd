import type { PublishedDate } from '../corpus/article.js';

/** The first and last day a publication date can mean: "2012-01" is 2012-01-01 to 2012-01-31. */
export function dateRange(date: PublishedDate): { from: string; to: string } {
  const v = date.value;
  if (date.precision === 'day') return { from: v, to: v };
  if (date.precision === 'month') {
    const [y, m] = v.split('-').map(Number);
    const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
    return { from: `${v}-01`, to: `${v}-${String(last).padStart(2, '0')}` };
  }
  return { from: `${v}-01-01`, to: `${v}-12-31` };
}

/** True when an article's date can fall within [from, to] (either bound may be open). */
export function overlaps(date: PublishedDate, from: string | null, to: string | null): boolean {
  const r = dateRange(date);
  return (from === null || r.to >= from) && (to === null || r.from <= to);
}
