/** A half-open span [start, end) of an article body. */
export interface Span {
  start: number;
  end: number;
}

/** Paragraphs: runs of text between line breaks, trimmed, empty ones dropped. */
export function segmentParagraphs(body: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(body[start]!)) start++;
    while (end > start && /\s/.test(body[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'sr', 'jr', 'no', 'vs', 'gen', 'col', 'lt', 'sgt', 'capt', 'rev', 'hon',
  'gov', 'sen', 'rep', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'e.g', 'i.e', 'etc', 'approx', 'fig', 'u.s', 'u.k', 'mt', 'ft',
]);

/**
 * Sentences of one paragraph. A sentence never ends inside a quotation (`protected` spans), so a
 * quote of several sentences stays within the sentence that holds it.
 */
export function splitSentences(body: string, paragraph: Span, protectedSpans: Span[]): Span[] {
  const out: Span[] = [];
  let start = paragraph.start;
  const inProtected = (i: number): boolean => protectedSpans.some((s) => i > s.start && i < s.end - 1);
  // Looked up at every character: sets, not scans of the spans.
  const starts = new Set(protectedSpans.map((s) => s.start));
  const lastChars = new Set(protectedSpans.map((s) => s.end - 1));
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = body[i]!;
    // A quotation ending its own sentence: went on for "years." This …
    const closesQuote = lastChars.has(i) && /[.!?]/.test(body[i - 1] ?? '');
    if (closesQuote) {
      const k = i + 1;
      if (k < paragraph.end && /\s/.test(body[k]!)) {
        let n = k;
        while (n < paragraph.end && /\s/.test(body[n]!)) n++;
        if (/\p{Lu}/u.test(body[n] ?? '')) {
          out.push({ start, end: k });
          start = n;
          i = n - 1;
        }
      }
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (inProtected(i)) continue;
    let j = i + 1;
    while (j < paragraph.end && /[.!?”"’')\]]/.test(body[j]!) && !starts.has(j)) j++;
    if (j >= paragraph.end) break;
    if (!/\s/.test(body[j]!)) continue;
    let k = j;
    while (k < paragraph.end && /\s/.test(body[k]!)) k++;
    const next = body[k] ?? '';
    if (!/[\p{Lu}\d“"‘'”’(\[]/u.test(next)) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(body.slice(Math.max(paragraph.start, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < paragraph.end) out.push({ start, end: paragraph.end });
  return out;
}

/** A span without the spaces and punctuation at its edges. */
export function trimSpan(body: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/u.test(body[start]!)) start++;
  while (end > start && /[\s,;:—–-]/u.test(body[end - 1]!)) end--;
  return { start, end };
}
