import { normaliseForMatching } from './clean-question.js';
import { lowerSameLength } from './find-known-speakers.js';
import { FRAME_WORDS, STOP_WORDS } from './question-words.js';

/** A place where a question names a corpus outlet ("in Pulse", "according to PharmaTimes"). */
export interface OutletMatch {
  outlet: string;
  start: number;
  end: number;
  /** Where the outlet's own name starts, after its preposition. */
  nameStart: number;
  /** The preposition, lower-cased: "in", "from", "according to". */
  preposition: string;
}

/** One way of writing an outlet's name, ready for matching. */
export interface OutletAlias {
  outlet: string;
  alias: string;
  needle: string;
  /** First-word aliases ("Pulse" of "Pulse Today") must be written with their capital. */
  caseSensitive: boolean;
}

const PREPOSITION = /(?:^|[^\p{L}\p{N}])(in|from|according to|by|on|at|via|per|reported in|reported by|published in|published by|said in|said to)\s+(?:the\s+)?$/iu;
const OUTLET_NOUNS = /^\s+(?:articles?|reports?|coverage|pieces?|stor(?:y|ies)|magazine|website|site|press\s+releases?|news)(?![\p{L}\p{N}])/iu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const GENERIC_OUTLET_WORDS = new Set(['today', 'news', 'online', 'magazine', 'daily', 'weekly', 'digital', 'uk', 'live', 'com']);

/**
 * Finds an outlet named after a preposition. An alias is the outlet name, its part before a
 * parenthesis ("GP"), a one-word parenthesised alias with and without its domain ending
 * ("GPonline.com", "GPonline"), the name without "The", and, written capitalised, its first
 * word when the rest is generic ("Pulse" of "Pulse Today").
 */
export function findOutlets(text: string, aliases: readonly OutletAlias[]): OutletMatch[] {
  const lower = lowerSameLength(text);
  const matches: OutletMatch[] = [];
  for (const { outlet, alias, needle, caseSensitive } of aliases) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      const nameEnd = at + needle.length;
      if (caseSensitive && text.slice(at, nameEnd) !== alias) continue;
      if (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[nameEnd] ?? '')) continue;
      const lead = PREPOSITION.exec(text.slice(Math.max(0, at - 30), at));
      if (!lead || !isOutletEnd(text, nameEnd)) continue;
      const start = at - lead[0].length + lead[0].indexOf(lead[1] ?? '');
      const end = nameEnd + (OUTLET_NOUNS.exec(text.slice(nameEnd, nameEnd + 30))?.[0].length ?? 0);
      const match = { outlet, start, end, nameStart: at, preposition: (lead[1] ?? '').toLowerCase().replace(/\s+/g, ' ') };
      if (!matches.some((other) => match.start < other.end && other.start < match.end)) matches.push(match);
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** Every way of writing each outlet, longest first; build once per outlet list. */
export function indexOutlets(outlets: readonly string[]): OutletAlias[] {
  return outlets
    .flatMap(aliasesOf)
    .map((alias) => ({ ...alias, needle: lowerSameLength(normaliseForMatching(alias.alias)) }))
    .filter((alias) => alias.needle.trim().length >= 2)
    .sort((a, b) => b.needle.length - a.needle.length);
}

function aliasesOf(outlet: string): Array<Omit<OutletAlias, 'needle'>> {
  const name = outlet.replace(/\s+/g, ' ').trim();
  const aliases: Array<Omit<OutletAlias, 'needle'>> = [{ outlet, alias: name, caseSensitive: false }];
  const paren = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(name);
  const base = (paren?.[1] ?? name).trim();
  if (base !== name && base.length > 0) aliases.push({ outlet, alias: base, caseSensitive: false });
  const inner = paren?.[2]?.trim() ?? '';
  if (inner.length > 1 && !/\s/.test(inner)) {
    aliases.push({ outlet, alias: inner, caseSensitive: false });
    const bare = inner.replace(/\.(?:com|org|net|co\.uk|org\.uk|uk|info|io)$/i, '');
    if (bare !== inner && bare.length > 1) aliases.push({ outlet, alias: bare, caseSensitive: false });
  }
  const withoutArticle = base.replace(/^the\s+/i, '');
  if (withoutArticle !== base) aliases.push({ outlet, alias: withoutArticle, caseSensitive: false });
  const [first = '', ...others] = withoutArticle.split(' ');
  // "Pulse" stands for "Pulse Today"; "Health" does not stand for "Health Service Journal".
  if (others.length > 0 && others.every((word) => GENERIC_OUTLET_WORDS.has(word.toLowerCase())) && first.length >= 3 && !STOP_WORDS.has(first.toLowerCase())) {
    aliases.push({ outlet, alias: first, caseSensitive: true });
  }
  return aliases;
}

/** "in GP practices" is no outlet: the name must end the phrase, not qualify a noun. */
function isOutletEnd(text: string, nameEnd: number): boolean {
  const rest = text.slice(nameEnd, nameEnd + 40);
  if (OUTLET_NOUNS.test(rest)) return true;
  const next = /^\s+([\p{L}]+)/u.exec(rest)?.[1];
  if (next === undefined) return true;
  const lower = next.toLowerCase();
  return STOP_WORDS.has(lower) || FRAME_WORDS.has(lower);
}
