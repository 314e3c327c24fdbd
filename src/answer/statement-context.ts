import type { Article } from '../corpus/article.js';
import type { Span } from '../statements/segment.js';
import type { Statement } from '../statements/statement.js';

/** Paragraphs looked back over for the sentence that introduces a list. */
const LIST_LOOKBACK = 15;
const LIST_ITEM = /^(?:\d{1,2}[.)]|[-*•–—])\s/u;

function endsWithColon(body: string, p: Span): boolean {
  return body.slice(p.start, p.end).trimEnd().endsWith(':');
}

/** The last sentence of a paragraph (the words after its last sentence end). */
function lastSentence(text: string): string {
  const cut = Math.max(text.lastIndexOf('. '), text.lastIndexOf('? '), text.lastIndexOf('! '));
  return cut >= 0 ? text.slice(cut + 2) : text;
}

/** Past this length a paragraph is a page of its own (a month's events in one block): only the words near the statement count. */
const LONG_PARAGRAPH = 900;
/** How far either side of a statement its context reaches in a long paragraph, before snapping to sentence ends. */
const NEAR = 350;

/**
 * The paragraph around a statement, or in a long one the sentences near it: in a paragraph that
 * runs through a month's news, the topic of a quote is in the sentences next to it, and the rest
 * only dilutes them.
 */
function nearPart(body: string, p: Span, st: Statement): string {
  if (p.end - p.start <= LONG_PARAGRAPH) return body.slice(p.start, p.end);
  const text = body.slice(p.start, p.end);
  const from = Math.max(0, st.start - p.start - NEAR);
  const to = Math.min(text.length, st.end - p.start + NEAR);
  // Whole sentences: from the sentence end before `from` to the one after `to`.
  const before = text.slice(0, from).search(/[.!?]["”’)]?\s+(?=\S)[^.!?]*$/u);
  const start = before >= 0 ? before + 1 : 0;
  const after = /[.!?](?=["”’)]?\s)/u.exec(text.slice(to));
  const end = after ? to + after.index + 1 : text.length;
  return text.slice(start, end).trim();
}

/**
 * The sentence that introduces the paragraph at `index`: the paragraph before it when that ends
 * with a colon ("Dr Dixon's five solutions are:", "The mayor said after the floods:"), also across
 * the numbered or bulleted items of a list in between.
 */
export function introOf(body: string, paragraphs: Span[], index: number): string | null {
  for (let j = index - 1; j >= 0 && index - j <= LIST_LOOKBACK; j--) {
    const p = paragraphs[j]!;
    if (endsWithColon(body, p)) return lastSentence(body.slice(p.start, p.end));
    if (!LIST_ITEM.test(body.slice(p.start, p.end))) return null;
  }
  return null;
}

/**
 * What the index holds around a statement, so a topic named near a quote finds it even when the
 * quote's own words do not repeat it: the paragraph, the rest of the quotation where it runs past
 * the paragraph, the sentence introducing a list it is part of, and the headline.
 */
export function statementContext(article: Article, paragraphs: Span[], st: Statement): string {
  const at = paragraphs.findIndex((x) => x.start <= st.start && st.start < x.end);
  const p = at >= 0 ? paragraphs[at]! : null;
  const parts = [p ? nearPart(article.body, p, st) : ''];
  const q = st.quotation;
  if (q && p && (q.start < p.start || q.end > p.end)) {
    if (q.start < p.start) parts.push(article.body.slice(q.start, Math.min(q.end, p.start)));
    if (q.end > p.end) parts.push(article.body.slice(Math.max(q.start, p.end), q.end));
  }
  const intro = at >= 0 ? introOf(article.body, paragraphs, at) : null;
  if (intro) parts.push(intro);
  parts.push(article.title);
  return parts.join('\n');
}
