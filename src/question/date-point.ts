/** An inclusive span of days, as ISO dates (YYYY-MM-DD). */
export interface DaySpan {
  from: string;
  to: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Regex source for a month name or its abbreviation ("Nov", "Sept.", "November"). */
export const MONTH_SOURCE =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** Regex source for a plausible year of a news corpus. */
export const YEAR_SOURCE = '(?:19|20)\\d\\d';
const DAY_SOURCE = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';

/** Regex source for a date that carries its year, most specific first. */
export const DATED_POINT_SOURCE = [
  `${DAY_SOURCE}\\s+(?:of\\s+)?${MONTH_SOURCE},?\\s+${YEAR_SOURCE}`,
  `${MONTH_SOURCE}\\s+${DAY_SOURCE},?\\s+${YEAR_SOURCE}`,
  `${MONTH_SOURCE},?\\s+${YEAR_SOURCE}`,
  `${YEAR_SOURCE}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])`,
  `${YEAR_SOURCE}-(?:0[1-9]|1[0-2])(?!\\d)`,
  `(?:0?[1-9]|[12]\\d|3[01])/(?:0?[1-9]|1[0-2])/${YEAR_SOURCE}`,
  YEAR_SOURCE,
].join('|');

/** Regex source for any date point, including a month without its year ("in June"). */
export const POINT_SOURCE = `${DATED_POINT_SOURCE}|${MONTH_SOURCE}`;

/** Formats a UTC calendar day as YYYY-MM-DD. */
export function formatDay(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
}

/** Moves an ISO day by a number of days. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The ISO day of a clock reading, in UTC. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The days of a whole month. */
export function monthSpan(year: number, month: number): DaySpan {
  return { from: formatDay(year, month, 1), to: formatDay(year, month + 1, 0) };
}

/** The days of a whole year. */
export function yearSpan(year: number): DaySpan {
  return { from: formatDay(year, 1, 1), to: formatDay(year, 12, 31) };
}

/**
 * Reads one date point written by a user. A month without a year is the latest such month
 * not after `now`, or, with `yearHint`, that month of the hinted year.
 */
export function parsePoint(text: string, now: Date, yearHint?: number): DaySpan | null {
  const lower = text.toLowerCase().replace(/[.,]/g, ' ').trim();
  const iso = /^(\d{4})-(\d\d)(?:-(\d\d))?$/.exec(lower);
  if (iso) {
    const [year, month] = [Number(iso[1]), Number(iso[2])];
    return iso[3] === undefined ? monthSpan(year, month) : daySpan(year, month, Number(iso[3]));
  }
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(lower);
  if (slashed) return daySpan(Number(slashed[3]), Number(slashed[2]), Number(slashed[1]));
  const parts = lower.split(/\s+/).filter((part) => part !== 'of');
  const year = parts.map((part) => /^\d{4}$/.test(part) ? Number(part) : NaN).find((n) => !Number.isNaN(n));
  const month = parts.map(monthNumber).find((n) => n !== null) ?? null;
  const day = parts
    .map((part) => /^\d{1,2}(?:st|nd|rd|th)?$/.test(part) ? Number.parseInt(part, 10) : NaN)
    .find((n) => !Number.isNaN(n));
  if (month === null) return year === undefined ? null : yearSpan(year);
  const resolvedYear = year ?? yearHint ?? latestYearOfMonth(month, now);
  return day === undefined ? monthSpan(resolvedYear, month) : daySpan(resolvedYear, month, day);
}

/** Whether a point as written names its year. */
export function hasYear(text: string): boolean {
  return /\d{4}/.test(text);
}

function monthNumber(word: string): number | null {
  if (!/^[a-z]{3,9}$/.test(word)) return null;
  const index = MONTHS.indexOf(word.slice(0, 3));
  return index === -1 ? null : index + 1;
}

function latestYearOfMonth(month: number, now: Date): number {
  const year = now.getUTCFullYear();
  return month > now.getUTCMonth() + 1 ? year - 1 : year;
}

function daySpan(year: number, month: number, day: number): DaySpan | null {
  const iso = formatDay(year, month, day);
  // Reject 31 November and the like rather than rolling into the next month.
  if (Number(iso.slice(8, 10)) !== day) return null;
  return { from: iso, to: iso };
}
