import type { KnownSpeakerMatch } from './find-known-speakers.js';
import { isNameWord, type NameRun } from './find-named-speaker.js';
import {
  AUXILIARIES,
  FRAME_WORDS,
  HONORIFICS,
  ROLE_WORDS,
  SAY_VERBS,
  SPEAKER_ADVERBS,
  SPEECH_NOUNS,
  STOP_WORDS,
} from './question-words.js';
import { isAcronym, type Token } from './tokenize-question.js';

const LEADS = new Set([...AUXILIARIES, 'from', 'by']);
const TOPIC_LINKS = new Set(['on', 'about', 're', 'regarding']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'into', 'across', 'around', 'outside', 'inside', 'within', 'throughout', 'to', 'towards', 'toward']);

/** The first and last token of a mention, or null when it lies outside the tokens. */
export function tokenRange(tokens: readonly Token[], span: { start: number; end: number }): { first: number; last: number } | null {
  const first = tokens.findIndex((token) => token.end > span.start);
  const last = tokens.findIndex((token) => token.end >= span.end);
  return first === -1 || last === -1 ? null : { first, last };
}

/**
 * Whether tokens first..last sit where questions put a speaker: "did X say", "from X",
 * "according to X", "X said", "X's views", "X quotes", and "X on Y" as the first words.
 */
export function isSpeakerPosition(tokens: readonly Token[], first: number, last: number): boolean {
  let before = tokens[first - 1];
  if (before?.lower === 'the') before = tokens[first - 2];
  if (before && LEADS.has(before.lower)) return true;
  if (before?.lower === 'to' && tokens[tokens.indexOf(before) - 1]?.lower === 'according') return true;
  let next = last + 1;
  while (tokens[next] && SPEAKER_ADVERBS.has(tokens[next]?.lower ?? '')) next += 1;
  const after = tokens[next];
  if (!after) return false;
  if (tokens[last]?.possessive) return SPEECH_NOUNS.has(after.lower);
  return SAY_VERBS.has(after.lower) || SPEECH_NOUNS.has(after.lower) || (TOPIC_LINKS.has(after.lower) && onlyFrameBefore(tokens, first));
}

/**
 * Whether a known name outside a speaker position is still likely meant as the speaker:
 * a full name, a possessive, or a name that opens or closes the question ("Dixon senates"),
 * but never a place ("in Paris") nor what was said ("what was said about Dixon?").
 */
export function isPlausibleMention(tokens: readonly Token[], first: number, last: number, match: KnownSpeakerMatch): boolean {
  let before = tokens[first - 1];
  if (before?.lower === 'the') before = tokens[first - 2];
  if (before && PLACE_PREPOSITIONS.has(before.lower)) return false;
  // "what was said about Trump …": a name right after "said about" is what was said, not who said it.
  const beforeLink = tokens[tokens.indexOf(before!) - 1];
  if (before && TOPIC_LINKS.has(before.lower) && beforeLink && SAY_VERBS.has(beforeLink.lower)) return false;
  if (/\s/.test(match.alias) || tokens[last]?.possessive) return true;
  return onlyFrameBefore(tokens, first) || last === tokens.length - 1;
}

function onlyFrameBefore(tokens: readonly Token[], first: number): boolean {
  return tokens.slice(0, first).every((token) => STOP_WORDS.has(token.lower) || FRAME_WORDS.has(token.lower));
}

/**
 * "what did Andrew Dixon say" names someone else than Michael Dixon: a capitalised word just
 * before a one-word alias, that is neither a title nor a role, makes a different person.
 */
export function otherPersonNamed(tokens: readonly Token[], match: KnownSpeakerMatch): NameRun | null {
  if (/\s/.test(match.alias) || match.start !== match.nameStart) return null;
  const index = tokens.findIndex((token) => token.start === match.nameStart);
  const aliasToken = tokens[index];
  const previous = tokens[index - 1];
  if (!aliasToken || !previous || !aliasToken.capitalised || !/^\s+$/.test(aliasToken.gap)) return null;
  if (!isNameWord(previous) || previous.possessive || isAcronym(previous.text) || ROLE_WORDS.has(previous.lower)) return null;
  let first = index - 1;
  while (first > 0 && /^\s+$/.test(tokens[first]?.gap ?? '') && isPlainNameWord(tokens[first - 1])) first -= 1;
  let nameFirst = first;
  while (first > 0 && /^\s+$/.test(tokens[first]?.gap ?? '') && HONORIFICS.has(tokens[first - 1]?.lower ?? '')) first -= 1;
  if (index - nameFirst >= 4) nameFirst = index - 3;
  return { first, last: index + 1, nameFirst, possessive: aliasToken.possessive, acronymOnly: false };
}

/** "Health Secretary Jeremy Hunt": the role words before a name go with it, out of the topic. */
export function withRoles(tokens: readonly Token[], match: KnownSpeakerMatch): { start: number; end: number } {
  let index = tokens.findIndex((token) => token.end > match.start);
  let start = match.start;
  for (let taken = 0; taken < 3 && index > 0; taken += 1) {
    const previous = tokens[index - 1];
    if (!previous || !ROLE_WORDS.has(previous.lower) || !/^\s+$/.test(tokens[index]?.gap ?? '')) break;
    start = previous.start;
    index -= 1;
  }
  return { start, end: match.end };
}

/** Whether two mentions are joined as "X and Y", "X, Y" or "X or Y". */
export function isJoined(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const between = a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start);
  return /^\s*(?:,|&|\band\b|\bor\b|,\s*and\b)\s*$/i.test(between);
}

function isPlainNameWord(token: Token | undefined): boolean {
  return token !== undefined && isNameWord(token) && !token.possessive;
}
