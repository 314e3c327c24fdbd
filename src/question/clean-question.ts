const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

// Every pattern below is bounded or has a single quantifier over a class that excludes its
// terminator, so 10,000 characters of junk are cleaned in linear time.
const TEAMS_MENTION = /<at\b[^<>]{0,200}>[^<>]{0,200}<\/at>/gi;
const SLACK_SPECIAL = /<([@#!][^<>|\s]{0,200})(?:\|([^<>]{0,300}))?>/g;
const SLACK_LINK = /<((?:https?|mailto|tel):[^<>|\s]{0,2000})(?:\|([^<>]{0,300}))?>/gi;
const HTML_TAG = /<\/?[a-z][a-z0-9-]{0,30}(?:\s[^<>]{0,500})?\/?>|<!--[^<>]{0,500}-->/gi;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi;
// Line breaks and tabs separate words; other control and format characters (zero-width
// spaces, soft hyphens, direction marks) are dropped, so "Dix\u200bon" still reads "Dixon".
const SEPARATORS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;
const FORMATTING = /[*_~`]+/g;

/** Removes chat markup, entities, control characters and extra spaces from a question. */
export function cleanQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .replace(TEAMS_MENTION, ' ')
    .replace(SLACK_SPECIAL, (_m, target: string, label: string | undefined) => keepSlackLabel(target, label))
    .replace(SLACK_LINK, (_m, url: string, label: string | undefined) => ` ${label ?? url} `)
    .replace(HTML_TAG, ' ')
    .replace(ENTITY, decodeEntity)
    .replace(SEPARATORS, ' ')
    .replace(CONTROL, '')
    .replace(FORMATTING, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Makes a same-length copy for matching: curly quotes and dashes become ASCII, so
 * "Dixon’s" and "Dixon's" match alike while offsets still point into the cleaned question.
 */
export function normaliseForMatching(cleaned: string): string {
  return cleaned
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

/** Counts characters as a reader would (astral emoji count once). */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _char of text) count += 1;
  return count;
}

function keepSlackLabel(target: string, label: string | undefined): string {
  // User and group mentions address the bot or a colleague, never a speaker; a channel
  // link or a formatted date keeps its readable label.
  if (target.startsWith('#') || target.startsWith('!date')) return ` ${label ?? ''} `;
  return ' ';
}

function decodeEntity(match: string, dec?: string, hex?: string, name?: string): string {
  if (dec !== undefined || hex !== undefined) {
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? match;
}
