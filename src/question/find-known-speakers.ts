import type { KnownSpeaker } from './parsed-question.js';
import { normaliseForMatching } from './clean-question.js';
import { HONORIFICS, STOP_WORDS } from './question-words.js';

/** A place where a question names a known speaker. */
export interface KnownSpeakerMatch {
  speakerId: string;
  /** Span of the mention, titles and possessive included ("Dr Dixon's"). */
  start: number;
  end: number;
  /** Span of the name itself, without title or possessive ("Dixon"). */
  nameStart: number;
  nameEnd: number;
  /** The alias matched, as the speaker list writes it. */
  alias: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+/gu;
const TRAILING_HONORIFIC = /(?:^|\s)(\p{L}+)\.?\s+$/u;

/** One alias made ready for matching: lower-cased, accents and quote marks folded. */
export interface PreparedAlias {
  speakerId: string;
  alias: string;
  needle: string;
}

/** Every alias of every known speaker, prepared once and filed under its first word. */
export interface SpeakerIndex {
  all: PreparedAlias[];
  byFirstWord: Map<string, PreparedAlias[]>;
  /** Aliases that do not start with a letter or digit, searched the slow way. */
  others: PreparedAlias[];
}

/** Prepares the speakers' aliases for matching; build once per speaker list. */
export function indexSpeakers(speakers: readonly KnownSpeaker[]): SpeakerIndex {
  const index: SpeakerIndex = { all: [], byFirstWord: new Map(), others: [] };
  for (const speaker of speakers) {
    for (const alias of new Set([speaker.name, ...speaker.aliases])) {
      const needle = foldName(alias);
      if (needle.length < 2) continue;
      const prepared = { speakerId: speaker.id, alias, needle };
      index.all.push(prepared);
      const first = FIRST_WORD.exec(needle)?.[0];
      if (first === undefined) index.others.push(prepared);
      else index.byFirstWord.set(first, [...(index.byFirstWord.get(first) ?? []), prepared]);
    }
  }
  return index;
}

/** A name as matching sees it: lower case, no accents, straight quotes, single spaces. */
export function foldName(name: string): string {
  return lowerSameLength(normaliseForMatching(name.replace(/\s+/g, ' ').trim()));
}

/**
 * Finds every mention of a known speaker, case-insensitively and on whole words; where
 * aliases overlap the longest wins ("Michael Dixon" over "Dixon").
 */
export function findKnownSpeakers(text: string, index: SpeakerIndex): KnownSpeakerMatch[] {
  const lower = lowerSameLength(text);
  const candidates: KnownSpeakerMatch[] = [];
  for (const word of lower.matchAll(WORD_START)) {
    const at = word.index ?? 0;
    for (const prepared of index.byFirstWord.get(word[0]) ?? []) {
      if (!lower.startsWith(prepared.needle, at)) continue;
      const match = matchAt(text, at, prepared.needle.length, prepared.speakerId, prepared.alias);
      if (match) candidates.push(match);
    }
  }
  for (const prepared of index.others) {
    for (let at = lower.indexOf(prepared.needle); at !== -1; at = lower.indexOf(prepared.needle, at + 1)) {
      const match = matchAt(text, at, prepared.needle.length, prepared.speakerId, prepared.alias);
      if (match) candidates.push(match);
    }
  }
  candidates.sort((a, b) => (b.nameEnd - b.nameStart) - (a.nameEnd - a.nameStart) || a.start - b.start);
  const chosen: KnownSpeakerMatch[] = [];
  for (const candidate of candidates) {
    if (!chosen.some((other) => candidate.start < other.end && other.start < candidate.end)) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

function matchAt(text: string, at: number, length: number, speakerId: string, alias: string): KnownSpeakerMatch | null {
  const nameEnd = at + length;
  if (at > 0 && WORD_CHAR.test(text[at - 1] ?? '')) return null;
  const possessive = /^(?:'s|')(?![\p{L}\p{N}])/iu.exec(text.slice(nameEnd, nameEnd + 3));
  const end = nameEnd + (possessive?.[0].length ?? 0);
  if (!possessive && WORD_CHAR.test(text[nameEnd] ?? '')) return null;
  const written = text.slice(at, nameEnd);
  // "who" is not the WHO: an acronym written in lower case is the ordinary word.
  if (/^[\p{Lu}\p{N}]+$/u.test(alias) && written === written.toLowerCase() && STOP_WORDS.has(written)) return null;
  const before = text.slice(Math.max(0, at - 12), at);
  // "the hunt for savings": a single lower-case word after an article is an ordinary word.
  if (!/\s/.test(written) && written === written.toLowerCase() && /\b(?:the|a|an)\s+$/i.test(before)) return null;
  const start = at - honorificLength(text.slice(0, at));
  return { speakerId, start, end, nameStart: at, nameEnd, alias };
}

function honorificLength(before: string): number {
  let length = 0;
  let rest = before;
  for (;;) {
    const m = TRAILING_HONORIFIC.exec(rest.slice(-40));
    if (!m || !HONORIFICS.has((m[1] ?? '').toLowerCase())) return length;
    const taken = m[0].length - (m[0].startsWith(' ') ? 1 : 0);
    length += taken;
    rest = rest.slice(0, rest.length - taken);
  }
}

/**
 * Lower-cases and strips accents character by character ("Maróth" → "maroth"), so offsets
 * still match the original text.
 */
export function lowerSameLength(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const base = lower.normalize('NFD').charAt(0);
    const folded = base.length === char.length && /\p{L}/u.test(base) ? base : lower;
    out += folded.length === char.length ? folded : char;
  }
  return out;
}
