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
  const parts = [p ? article.body.slice(p.start, p.end) : ''];
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
