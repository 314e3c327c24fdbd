/** Drops control characters (terminal escapes included) and collapses whitespace to single spaces. */
export function cleanText(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Like cleanText, but an empty result becomes undefined. */
export function cleanOptional(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = cleanText(String(value));
  return text === '' ? undefined : text;
}

/** Counts the words of a text. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
