import type { PublishedDate } from '../../src/index.js';

/**
 * Characters the TextBlock markdown subset (and Teams' own renderers) give a meaning to anywhere in a
 * line: emphasis, links, code, strike-through, HTML entities and tags, the `{{DATE()}}` functions.
 * CommonMark lets any ASCII punctuation be escaped with a backslash.
 */
const INLINE_SPECIAL = /[\\*_[\]()#>`~&<{}|!]/g;

/** Whitespace of any kind, line breaks included: a quote is shown as one paragraph. */
const WHITESPACE = /\s+/g;

/**
 * Makes `text` (from an article or a user) show literally in a TextBlock: whitespace collapsed to
 * single spaces, markdown-significant characters escaped, a leading list or heading marker defused.
 */
export function escapeCardText(text: string): string {
  const flat = text.replace(WHITESPACE, ' ').trim();
  const escaped = flat.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  // "- x", "+ x", "1. x", "1) x" at the start of a block would become a list.
  return escaped.replace(/^([-+])(?=\s|$)/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Shortens `text` to at most `max` characters, cutting at a word boundary and ending with an ellipsis. */
export function truncateText(text: string, max: number): string {
  const flat = text.replace(WHITESPACE, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.]+$/, '')}…`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A publication date as readers see it: "20 Jun 2011", "Jun 2011" (month only), "2011";
 * "about …" when the date was inferred rather than stated by the outlet.
 */
export function formatPublishedDate(date: PublishedDate): string {
  const [year, month, day] = date.value.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  let shown: string;
  if (date.precision === 'day' && day !== undefined && monthName !== undefined) shown = `${Number(day)} ${monthName} ${year}`;
  else if (date.precision !== 'year' && monthName !== undefined) shown = `${monthName} ${year}`;
  else shown = year ?? date.value;
  return date.inferred ? `about ${shown}` : shown;
}

/** Tells whether `url` is safe to open from a button: http or https only. */
export function isOpenableUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const protocol = new URL(url).protocol;
  return protocol === 'http:' || protocol === 'https:';
}
