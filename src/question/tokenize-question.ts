/** A word of a question, with its place in the (normalised) question. */
export interface Token {
  start: number;
  end: number;
  /** The word as written, possessive included ("Dixon's"). */
  text: string;
  /** The word without a possessive ending, lower-cased ("dixon"). */
  lower: string;
  /** Written with an 's or s' ending. */
  possessive: boolean;
  /** Starts with a capital letter. */
  capitalised: boolean;
  /** What lies between the previous word and this one ("", " ", ", "). */
  gap: string;
}

// One quantifier per separator-delimited chunk, so matching stays linear on any input.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['&.-][\p{L}\p{M}\p{N}]+)*(?:(?<=[sS])'(?![\p{L}\p{N}]))?/gu;

/** Splits a question into words; punctuation stays in the gaps between them. */
export function tokenizeQuestion(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const word = m[0];
    const bare = stripPossessive(word);
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      lower: bare.toLowerCase(),
      possessive: bare !== word,
      capitalised: /^\p{Lu}/u.test(word),
      gap: text.slice(previousEnd, start),
    });
    previousEnd = start + word.length;
  }
  return tokens;
}

/** "Dixon's" → "Dixon", "Jones'" → "Jones"; other words unchanged. */
export function stripPossessive(word: string): string {
  if (/'[sS]$/.test(word) && word.length > 2) return word.slice(0, -2);
  if (/[sS]'$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Whether a word looks like an acronym ("NHS", "CCGs", "BMA") rather than a name. */
export function isAcronym(word: string): boolean {
  const letters = stripPossessive(word).replace(/s$/, '');
  return letters.length <= 5 && /^[\p{Lu}\p{N}&]+$/u.test(letters);
}

/** Blanks the given spans out of a text, keeping every offset in place. */
export function maskSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let masked = text;
  for (const { start, end } of spans) {
    masked = masked.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + masked.slice(end);
  }
  return masked;
}
