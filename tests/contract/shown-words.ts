import type { Result } from '../../src/index.js';

/**
 * The words every surface shows for a result, without the marks around the matching part: the
 * whole quotation (with an ellipsis where it was trimmed) for a direct quote, else the statement;
 * white space collapsed, as the Teams card collapses it.
 */
export function shownWords(r: Result): string {
  const q = r.quotation;
  const words = r.kind === 'direct' && q && q.text !== r.text ? `${q.trimmedStart ? '… ' : ''}${q.text}${q.trimmedEnd ? ' …' : ''}` : r.text;
  return flatten(words);
}

/** White space collapsed to single spaces, trimmed. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
