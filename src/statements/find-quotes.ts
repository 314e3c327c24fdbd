import type { Span } from './segment.js';

/** A top-level quotation in a paragraph: its marks and the words inside them. */
export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index just past the closing mark, or the paragraph's end when the quote never closes. */
  end: number;
  /** The quoted words (marks, edge spaces and a trailing comma left out). */
  inner: Span;
  closed: boolean;
  style: 'double' | 'single';
}

const DOUBLE_OPENERS = new Set(['“', '„', '«', '‟']);
const SINGLE_OPENERS = new Set(['‘', '‚', '‹']);
/** Every character that can open a quotation: any other is passed over at once. */
const MAY_OPEN = new Set([...DOUBLE_OPENERS, ...SINGLE_OPENERS, '"', '”', "'", '’']);
const isLetterOrDigit = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpaceOrStart = (ch: string | undefined): boolean => ch === undefined || /[\s([{—–\-/]/u.test(ch);

const SAID_COMMA = /(?<![\p{L}])(?:said|says|added|adds|asked|told|wrote|writes|explained|stated|continued|replied)\s*,$/u;

/** The style of quotation `body[i]` opens, or null when it opens none (an apostrophe, a closing mark). */
function openerStyle(body: string, i: number, from: number): 'double' | 'single' | null {
  const ch = body[i]!;
  if (!MAY_OPEN.has(ch)) return null;
  const prev = i > from ? body[i - 1] : undefined;
  const next = body[i + 1];
  if (DOUBLE_OPENERS.has(ch)) return 'double';
  if (SINGLE_OPENERS.has(ch)) return isLetterOrDigit(prev) ? null : 'single';
  if (ch === '"') {
    if ((isSpaceOrStart(prev) || prev === '‘' || prev === "'") && next !== undefined && !/\s/.test(next)) return 'double';
    // A mark glued to the comma of a verb of saying opens, even with a space after it: 'Wilkins said," [Warhol] liked …"'.
    return prev === ',' && next === ' ' && SAID_COMMA.test(body.slice(Math.max(from, i - 16), i)) ? 'double' : null;
  }
  // A closing mark used to open: seen in real text (”Visible action…, ’emasculated’).
  if (ch === '”') return isSpaceOrStart(prev) && isLetterOrDigit(next) ? 'double' : null;
  if (ch === "'" || ch === '’') {
    return (isSpaceOrStart(prev) || prev === '“' || prev === '"') && (isLetterOrDigit(next) || next === '…') ? 'single' : null;
  }
  return null;
}

function isDoubleCloser(body: string, i: number): boolean {
  const ch = body[i]!;
  if (ch === '”' || ch === '»') return true;
  if (ch !== '"') return false;
  return !/\s/.test(body[i - 1] ?? ' ') || !isLetterOrDigit(body[i + 1]);
}

function isSingleCloser(body: string, i: number): boolean {
  const ch = body[i]!;
  if (ch !== '’' && ch !== "'" && ch !== '›') return false;
  // The British closing mark is also the apostrophe: "Dixon’s", "it’s" close nothing.
  return !/\s/.test(body[i - 1] ?? ' ') && !isLetterOrDigit(body[i + 1]);
}

/** Finds where a quotation opened at `open` ends, skipping quotations nested inside it. */
function findClose(body: string, open: number, style: 'double' | 'single', limit: number): number | null {
  for (let i = open + 1; i < limit; i++) {
    if (style === 'double' ? isDoubleCloser(body, i) : isSingleCloser(body, i)) return i;
    const nested = openerStyle(body, i, open + 1);
    if (nested === 'double' && style === 'double' && body[i] === '“') return null;
    if (nested && nested !== style) {
      const close = findClose(body, i, nested, limit);
      if (close !== null) i = close;
    }
  }
  return null;
}

/** Trims a quotation's inner span of spaces and the comma that hands over to an attribution. */
function trimInner(body: string, start: number, end: number): Span {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /[\s,;:]/.test(body[end - 1]!)) end--;
  return { start, end };
}

/**
 * The top-level quotations of one paragraph, in order. Handles curly, straight and mixed marks,
 * apostrophes that look like closing marks, quotes opened with a closing mark, and quotes that
 * never close (they run to the paragraph's end).
 */
export function findQuotes(body: string, paragraph: Span): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const style = openerStyle(body, i, paragraph.start);
    if (!style) continue;
    const close = findClose(body, i, style, paragraph.end);
    if (close === null) {
      // An opening single mark that never closes is more often a stray apostrophe than a quote.
      if (style === 'single' && body[i] !== '‘') continue;
      let end = paragraph.end;
      const reopen = body.indexOf('“', i + 1);
      if (style === 'double' && reopen > 0 && reopen < end) end = reopen;
      const inner = trimInner(body, i + 1, end);
      if (inner.end > inner.start) quotes.push({ open: i, end, inner, closed: false, style });
      i = end - 1;
      continue;
    }
    const inner = trimInner(body, i + 1, close);
    if (inner.end > inner.start) quotes.push({ open: i, end: close + 1, inner, closed: true, style });
    i = close;
  }
  return quotes;
}
