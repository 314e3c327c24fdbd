import type { PublishedDate } from '../corpus/article.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A publication date in words at its precision: "20 June 2011", "June 2011", "2011"; "about …" when it is an estimate. */
export function formatPublished(date: PublishedDate): string {
  const [y, m, d] = date.value.split('-');
  const text = date.precision === 'year' ? y! : date.precision === 'month' ? `${MONTHS[Number(m) - 1]} ${y}` : `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  return date.inferred ? `about ${text}` : text;
}

/** What the precision leaves unknown, for readers who check: "month only: the day is not known". */
export function describePrecision(date: PublishedDate): string | null {
  const unknown = date.precision === 'month' ? 'month only: the day is not known' : date.precision === 'year' ? 'year only: the month and day are not known' : null;
  const estimate = date.inferred ? `estimated${date.note ? `: ${date.note}` : ''}` : null;
  const parts = [unknown, estimate].filter((p): p is string => p !== null);
  return parts.length ? parts.join('; ') : null;
}
