import type { PublishedDate } from '../../src/index.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A publication date as readers should take it: "20 Jun 2011" when the outlet gave the day,
 * "Jan 2012" when only the month is known, "about Nov 2012" when the date was worked out.
 */
export function formatPublishedDate(date: PublishedDate): string {
  const [year, month, day] = date.value.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  const about = date.inferred ? 'about ' : '';
  if (date.precision === 'year' || monthName === undefined) return `${about}${year}`;
  // An inferred day is a guess within a few days: the month is what the reader can rely on.
  if (date.precision === 'month' || date.inferred || day === undefined) return `${about}${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}
