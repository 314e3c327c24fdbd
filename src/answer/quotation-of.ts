import { splitSentences } from '../statements/segment.js';
import type { Statement } from '../statements/statement.js';
import type { Quotation } from './answer-schema.js';

/** Longest passage shown whole; a longer quotation is trimmed to whole sentences around the match. */
export const PASSAGE_MAX = 700;

/**
 * Trims `body[start, end)` to whole sentences around `match`, at most `max` characters when the
 * sentences allow: the match's own sentences, then one more after and one before in turn.
 */
export function trimAround(body: string, outer: { start: number; end: number }, match: { start: number; end: number }, max = PASSAGE_MAX): { start: number; end: number } {
  if (outer.end - outer.start <= max) return { start: outer.start, end: outer.end };
  // The sentences as extraction splits them (abbreviations and initials do not end one), so a trimmed
  // passage starts and ends where the statements do.
  const sentences = splitSentences(body, outer, []);
  let first = sentences.findIndex((s) => s.end > match.start);
  let last = sentences.findIndex((s) => s.end >= match.end);
  if (first < 0) first = sentences.length - 1;
  if (last < first) last = first;
  let start = Math.min(sentences[first]!.start, match.start);
  let end = Math.max(sentences[last]!.end, match.end);
  for (let grew = true; grew; ) {
    grew = false;
    const next = sentences[last + 1];
    if (next && next.end - start <= max) {
      end = next.end;
      last++;
      grew = true;
    }
    const previous = sentences[first - 1];
    if (previous && end - previous.start <= max) {
      start = previous.start;
      first--;
      grew = true;
    }
  }
  return { start, end };
}

/**
 * The whole quotation a direct statement belongs to, with the statement marked as the matching
 * part; trimmed around it when long. Null for reported speech, or when the spans do not fit the body.
 */
export function quotationOf(body: string, st: Statement, max = PASSAGE_MAX): Quotation | null {
  const q = st.quotation;
  if (st.kind !== 'direct' || !q || q.start > st.start || q.end < st.end || q.end > body.length) return null;
  const { start, end } = trimAround(body, q, st, max);
  return { text: body.slice(start, end), start, end, trimmedStart: start > q.start, trimmedEnd: end < q.end, match: { start: st.start, end: st.end } };
}

/** A result's quotation cut at its matching part, for renderers to mark it; null when there is no wider passage to show. */
export interface QuotationParts {
  before: string;
  match: string;
  after: string;
  /** Words of the quotation were left out before `before` / after `after`: show an ellipsis. */
  trimmedStart: boolean;
  trimmedEnd: boolean;
}

/** Splits a result's quotation into the words before, the matching part and the words after. */
export function quotationParts(result: { quotation?: Quotation | null | undefined }): QuotationParts | null {
  const q = result.quotation;
  if (!q) return null;
  const from = Math.max(0, Math.min(q.text.length, q.match.start - q.start));
  const to = Math.max(from, Math.min(q.text.length, q.match.end - q.start));
  const parts = { before: q.text.slice(0, from), match: q.text.slice(from, to), after: q.text.slice(to), trimmedStart: q.trimmedStart, trimmedEnd: q.trimmedEnd };
  return parts.before.trim() || parts.after.trim() || parts.trimmedStart || parts.trimmedEnd ? parts : null;
}
