import type { QuoteSpan } from './find-quotes.js';
import { HONORIFICS, TITLE_WORDS, isPlausibleName, type SpeakerPhrase } from './speaker-phrase.js';
import { keyOf } from './speaker-registry.js';

/** A place where an article names a person, by the person's surname (lower case). */
export interface PersonMention {
  at: number;
  surname: string;
}

/** True for a word that stands before names without being one: a title, an honorific, "the", "said". */
export function isTitleOrHonorific(w: string): boolean {
  const b = w.toLowerCase().replace(/[.,]$/, '');
  return HONORIFICS.has(b) || TITLE_WORDS.has(b) || /^(?:the|former|then|ex|new|said|says|told|when|after|before|while|as|but|and|if)$/.test(b);
}

/** True when `at` falls inside a quotation, past its opening mark; `quotes` in order and apart, as `findQuotes` gives them. */
function isInsideQuote(quotes: QuoteSpan[], at: number): boolean {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (quotes[mid]!.open < at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && at < quotes[lo - 1]!.end;
}

/**
 * Where an article names people outside quotations: its titled mentions and cue subjects
 * (`mentions`), "Given Surname" pairs of plausible names, and surnames alone of people it names.
 */
export function findPersonMentions(
  body: string,
  mentions: Array<{ phrase: Extract<SpeakerPhrase, { type: 'person' }>; at: number }>,
  quotes: QuoteSpan[],
  midSentence: Set<string> = wordsCapitalisedMidSentence(body),
): PersonMention[] {
  const out = mentions.map((m) => ({ at: m.at, surname: keyOf(m.phrase.name).split(' ').pop()! }));
  // A one-word subject ("Turkey justified the claim") is a mention where it stands, not a surname to find everywhere.
  const named = out.filter((_, i) => mentions[i]!.phrase.name.includes(' ') || mentions[i]!.phrase.honorific !== null);
  // "the Libyan House of Representatives" is a body, not a person named House.
  for (const m of body.matchAll(/(?<![\p{L}-])(\p{Lu}[\p{Ll}\p{M}'’]+)\s+(\p{Lu}[\p{Ll}\p{M}'’]+(?:\p{Lu}[\p{Ll}\p{M}'’]+)?(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*)(?![\p{L}-])(?!\s+\p{Lu})(?!\s+(?:of|for)\s+(?:the\s+)?\p{Lu})/gu)) {
    if (isTitleOrHonorific(m[1]!) || !isPlausibleName(m[1]!) || !isPlausibleName(m[2]!)) continue;
    // A character in a story ("the character of Anya Jenkins", "playing Abe Sapien") speaks to no reporter.
    if (FICTION_BEFORE.test(body.slice(Math.max(0, m.index! - 30), m.index))) continue;
    const mention = { at: m.index!, surname: keyOf(m[2]!) };
    out.push(mention);
    named.push(mention);
  }
  // A surname alone ("Miller said …") names a person the article has given in full.
  const surnames = new Set(named.map((m) => m.surname).filter((x) => x.length > 2));
  for (const m of body.matchAll(/(?<![\p{L}-])\p{Lu}[\p{Ll}\p{M}'’-]+(?:\p{Lu}[\p{Ll}\p{M}'’-]+)?(?![\p{L}])/gu)) {
    const k = keyOf(m[0]).replace(/['’]s$/, '');
    if (surnames.has(k)) out.push({ at: m.index!, surname: k });
  }
  // Names inside quotation marks are the speaker's words, not the narrative moving to someone else; a word
  // capitalised only at the start of sentences is no name at all.
  const isName = (m: PersonMention): boolean => {
    const word = body.slice(m.at, m.at + m.surname.length);
    if (word.toLowerCase() !== m.surname || !SENTENCE_START_BEFORE.test(body.slice(Math.max(0, m.at - 4), m.at))) return true;
    return midSentence.has(word);
  };
  return out.filter((m) => !isInsideQuote(quotes, m.at) && isName(m));
}

/** Words before a name that make it a character's: "the character of", "her role as", "playing". */
const FICTION_BEFORE = /(?:\bcharacters?(?:\s+of)?|\brole\s+(?:of|as)|\bplaying|\bplayed|\bportraying|\bportrayed|\bcharacter\s+named)\s+$/i;

/** Platforms stand before names without being given names: "on Twitter West accused …". */
const PLATFORMS = new Set(['twitter', 'facebook', 'instagram', 'youtube', 'tiktok', 'reddit', 'telegram', 'whatsapp', 'linkedin', 'weibo']);

/** Every "Given Surname" pair of capitalised words in an article's title and text: the given names, by surname (lower case). */
export function findGivenNames(title: string, body: string): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  const text = `${title}\n${body}`;
  for (const m of text.matchAll(/(?<![\p{L}-])(\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*)\s+(?=(\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*)(?![\p{L}-]))/gu)) {
    if (PLATFORMS.has(m[1]!.toLowerCase())) continue;
    const surname = keyOf(m[2]!);
    (pairs.get(surname) ?? pairs.set(surname, new Set()).get(surname)!).add(m[1]!);
  }
  return pairs;
}

/** What stands before a word that opens a sentence: nothing, a full stop and spaces, or a line break. */
const SENTENCE_START_BEFORE = /(?:^|[.!?:]["”’)]?\s+|\n\s*)$/u;

/**
 * The capitalised words an article uses somewhere other than at the start of a sentence: the ones
 * that can be names. "More" in "More consequential, he told …" is not among them.
 */
export function wordsCapitalisedMidSentence(body: string): Set<string> {
  const words = new Set<string>();
  for (const m of body.matchAll(/(?<![\p{L}'’-])\p{Lu}[\p{L}\p{M}'’-]*/gu)) {
    if (!SENTENCE_START_BEFORE.test(body.slice(Math.max(0, m.index! - 4), m.index))) words.add(m[0].replace(/['’]s$/, ''));
  }
  return words;
}
