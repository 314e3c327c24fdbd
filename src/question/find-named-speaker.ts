import {
  AUXILIARIES,
  FRAME_WORDS,
  FROM_LEAD_WORDS,
  HONORIFICS,
  NAME_PARTICLES,
  SAY_VERBS,
  SPEAKER_ADVERBS,
  SPEECH_NOUNS,
  STOP_WORDS,
} from './question-words.js';
import { isAcronym, stripPossessive, type Token } from './tokenize-question.js';

/** A run of capitalised words that may be a person's or organisation's name. */
export interface NameRun {
  /** Index of the first token (a title, if any) and one past the last. */
  first: number;
  last: number;
  /** Index of the first name word, after any titles. */
  nameFirst: number;
  possessive: boolean;
  /** Every name word is an acronym ("NHS", "CCG"): a topic more often than a speaker. */
  acronymOnly: boolean;
}

const MAX_NAME_WORDS = 4;
/** Function words that are also surnames after a first name ("Theresa May"). */
const NAME_LIKE_STOP_WORDS = new Set(['may', 'will']);
const SKIPPABLE_BEFORE_VERB = new Set([...SPEAKER_ADVERBS, 'have', 'has', 'had', 'got', 'to', 'been', 'also']);
const TOPIC_LINKS = new Set(['on', 'about', 're', 'regarding', 'concerning', 'vs', 'versus']);

/** Whether a token can be part of a name: capitalised and not a question word ("What", "Has"). */
export function isNameWord(token: Token): boolean {
  return token.capitalised && !STOP_WORDS.has(token.lower) && !FRAME_WORDS.has(token.lower) && !HONORIFICS.has(token.lower);
}

/** The longest name run starting at token `index`, or null when none starts there. */
export function nameRunAt(tokens: readonly Token[], index: number): NameRun | null {
  let i = index;
  while (i < tokens.length && isHonorific(tokens[i]) && (i === index || joins(tokens, i))) i += 1;
  const nameFirst = i;
  let words = 0;
  let acronyms = 0;
  let possessive = false;
  while (i < tokens.length && words < MAX_NAME_WORDS && (i === index || joins(tokens, i))) {
    const token = tokens[i];
    if (!token) break;
    if (isNameWord(token) || (words > 0 && token.capitalised && NAME_LIKE_STOP_WORDS.has(token.lower))) {
      words += 1;
      if (isAcronym(token.text)) acronyms += 1;
      i += 1;
      if (token.possessive) {
        possessive = true;
        break;
      }
    } else if (words > 0 && NAME_PARTICLES.has(token.text) && nextIsNameWord(tokens, i)) {
      i += 1;
    } else {
      break;
    }
  }
  if (words === 0) return null;
  const lastWord = tokens[i - 1]?.text ?? '';
  // "GPs", "CCGs": a plural acronym names a group of people, not one speaker.
  if (acronyms === words && /\p{Lu}s$/u.test(stripPossessive(lastWord))) return null;
  return { first: index, last: i, nameFirst, possessive, acronymOnly: acronyms === words };
}

/** A name found in a speaker position; `strong` unless only its place at the start suggests it. */
export interface NamedSpeaker {
  run: NameRun;
  strong: boolean;
}

/**
 * Finds a name in a speaker position when it matches no known speaker: "what did Andrew
 * Lansley say", "quotes from Jane Doe", "Lansley's views on X", "Lansley on X".
 */
export function findNamedSpeaker(tokens: readonly Token[]): NamedSpeaker | null {
  let fallback: NamedSpeaker | null = null;
  for (let index = 0; index < tokens.length; index += 1) {
    const run = nameRunAt(tokens, index);
    if (!run) continue;
    const before = previousWord(tokens, run.first);
    const after = tokens[run.last];
    const says = run.possessive ? false : isFollowedBySayVerb(tokens, run.last);
    if (before && AUXILIARIES.has(before.lower) && says) return { run, strong: true };
    if (run.possessive && after && SPEECH_NOUNS.has(after.lower)) return { run, strong: true };
    if (!run.acronymOnly && (fallback === null || !fallback.strong)) {
      const position = weakSpeakerPosition(tokens, run, says);
      if (position !== null && (fallback === null || position)) fallback = { run, strong: position };
    }
    index = run.last - 1;
  }
  return fallback;
}

/**
 * The words between "did" and "say" in any case ("what did dixn say"): a speaker's name,
 * maybe misspelt, when it is close to a known one.
 */
export function findFramedWords(tokens: readonly Token[]): NameRun | null {
  for (let index = 0; index < tokens.length; index += 1) {
    if (!AUXILIARIES.has(tokens[index]?.lower ?? '')) continue;
    const first = tokens[index + 1]?.lower === 'the' ? index + 2 : index + 1;
    for (let last = first + 1; last <= first + 3 && last <= tokens.length; last += 1) {
      const word = tokens[last - 1];
      if (!word || STOP_WORDS.has(word.lower) || FRAME_WORDS.has(word.lower)) break;
      if (isFollowedBySayVerb(tokens, last)) return { first, last, nameFirst: first, possessive: false, acronymOnly: false };
    }
  }
  return null;
}

/** true: "quotes from X", "X said"; false: "X on Y" at the start; null: no speaker position. */
function weakSpeakerPosition(tokens: readonly Token[], run: NameRun, says: boolean): boolean | null {
  if (says) return true;
  const before = previousWord(tokens, run.first);
  if (before && (before.lower === 'from' || before.lower === 'by')) {
    const lead = previousWord(tokens, tokens.indexOf(before));
    return lead === undefined || FROM_LEAD_WORDS.has(lead.lower) ? true : null;
  }
  if (before?.lower === 'to' && tokens[tokens.indexOf(before) - 1]?.lower === 'according') return true;
  const after = tokens[run.last];
  return run.first === 0 && !run.possessive && after !== undefined && TOPIC_LINKS.has(after.lower) ? false : null;
}

function isFollowedBySayVerb(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < tokens.length && i < from + 4; i += 1) {
    const token = tokens[i];
    if (!token || !/^\s*$/.test(token.gap)) return false;
    if (SAY_VERBS.has(token.lower)) return true;
    if (!SKIPPABLE_BEFORE_VERB.has(token.lower)) return false;
  }
  return false;
}

/** The word before a token, skipping a leading "the" ("what did the BMA say"). */
function previousWord(tokens: readonly Token[], index: number): Token | undefined {
  const before = tokens[index - 1];
  if (before?.lower === 'the' && /^\s+$/.test(tokens[index]?.gap ?? '')) return tokens[index - 2];
  return before;
}

function isHonorific(token: Token | undefined): boolean {
  return token !== undefined && token.capitalised && HONORIFICS.has(token.lower);
}

/** Whether particles from `index` on lead to a name word ("von der Leyen"). */
function nextIsNameWord(tokens: readonly Token[], index: number): boolean {
  for (let i = index + 1; i < tokens.length && i <= index + 2; i += 1) {
    const next = tokens[i];
    if (!next || !joins(tokens, i)) return false;
    if (isNameWord(next)) return true;
    if (!NAME_PARTICLES.has(next.text)) return false;
  }
  return false;
}

/** A name continues over plain spaces, or over the full stop of a title or initial ("J. Smith"). */
function joins(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (!token) return false;
  if (/^\s+$/.test(token.gap)) return true;
  const previous = tokens[index - 1];
  return /^\.\s*$/.test(token.gap) && previous !== undefined && (isHonorific(previous) || /^\p{Lu}$/u.test(previous.text));
}
