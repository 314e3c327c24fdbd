import { findKnownSpeakers, type KnownSpeakerMatch } from './find-known-speakers.js';
import { findNamedSpeaker, isNameWord, type NameRun } from './find-named-speaker.js';
import type { OutletMatch } from './find-outlet.js';
import type { KnownSpeaker } from './parsed-question.js';
import { AUXILIARIES, HONORIFICS, ROLE_WORDS, SAY_VERBS, SPEAKER_ADVERBS, SPEECH_NOUNS } from './question-words.js';
import { isAcronym, stripPossessive, tokenizeQuestion, type Token } from './tokenize-question.js';

/** The speaker a question asks about, and the text spans that name them. */
export interface ChosenSpeaker {
  speakerId: string | null;
  speakerQuery: string | null;
  spans: Array<{ start: number; end: number }>;
  /** The speaker's name was also read as an outlet ("from NHS Alliance"); the speaker wins. */
  overridesOutlet: boolean;
}

const NONE: ChosenSpeaker = { speakerId: null, speakerQuery: null, spans: [], overridesOutlet: false };
const LEADS = new Set([...AUXILIARIES, 'from', 'by']);
const TOPIC_LINKS = new Set(['on', 'about', 're', 'regarding']);

/**
 * Picks the speaker of a question: a known speaker named in a speaker position first, then
 * any known speaker named, then a name in a speaker position that matches no known speaker.
 */
export function chooseSpeaker(
  text: string,
  cleaned: string,
  speakers: readonly KnownSpeaker[],
  outlet: OutletMatch | null,
  outletFirst: ReadonlySet<string>,
): ChosenSpeaker {
  const tokens = tokenizeQuestion(text);
  const overlapsOutlet = (match: KnownSpeakerMatch): boolean =>
    outlet !== null && match.start < outlet.end && outlet.start < match.end;
  const capitalises = userCapitalises(tokens);
  const known = findKnownSpeakers(text, speakers).filter(
    (match) =>
      !(overlapsOutlet(match) && outlet !== null && outletFirst.has(outlet.preposition)) &&
      // A user who capitalises names wrote "brown envelopes", not "Brown".
      !(capitalises && isLowerCaseWord(text, match) && !isSpeakerPosition(tokens, match)),
  );
  const ranked = [...known].sort(
    (a, b) =>
      Number(isSpeakerPosition(tokens, b)) - Number(isSpeakerPosition(tokens, a)) ||
      (b.nameEnd - b.nameStart) - (a.nameEnd - a.nameStart) ||
      a.start - b.start,
  );
  const outletFree = outlet ? tokens.filter((token) => token.end <= outlet.start || token.start >= outlet.end) : tokens;
  const best = ranked[0];
  if (best && !isSpeakerPosition(tokens, best)) {
    // "what did Andrew Lansley say about Dixon": the unknown name is the speaker, Dixon the topic.
    const knownFree = outletFree.filter((token) => !known.some((match) => token.start < match.end && match.start < token.end));
    const named = findNamedSpeaker(knownFree);
    if (named?.strong) return fromRun(knownFree, named.run, cleaned, false);
  }
  if (best) {
    const other = otherPersonNamed(tokens, best);
    if (other) return fromRun(tokens, other, cleaned, false);
    const mine = known.filter((match) => match.speakerId === best.speakerId);
    // "what did Okafor and Price say": only one speaker is searched, but the other name is no topic.
    const joined = known.filter((match) => match.speakerId !== best.speakerId && mine.some((own) => isJoined(text, own, match)));
    return {
      speakerId: best.speakerId,
      speakerQuery: withoutHonorifics(cleaned.slice(best.nameStart, best.nameEnd)),
      spans: [...mine.map((match) => withRoles(tokens, match)), ...joined].map(({ start, end }) => ({ start, end })),
      overridesOutlet: mine.some(overlapsOutlet),
    };
  }
  const named = findNamedSpeaker(outletFree);
  return named ? fromRun(outletFree, named.run, cleaned, false) : NONE;
}

function fromRun(tokens: readonly Token[], run: NameRun, cleaned: string, overridesOutlet: boolean): ChosenSpeaker {
  const first = tokens[run.first];
  const nameFirst = tokens[run.nameFirst];
  const last = tokens[run.last - 1];
  if (!first || !nameFirst || !last) return NONE;
  const query = stripPossessive(cleaned.slice(nameFirst.start, last.end).replace(/’/g, "'"));
  return { speakerId: null, speakerQuery: query, spans: [{ start: first.start, end: last.end }], overridesOutlet };
}

/** Whether a mention sits where questions put a speaker: "did X say", "from X", "X's views". */
function isSpeakerPosition(tokens: readonly Token[], match: KnownSpeakerMatch): boolean {
  const firstIndex = tokens.findIndex((token) => token.end > match.start);
  const lastIndex = tokens.findIndex((token) => token.end >= match.end);
  if (firstIndex === -1 || lastIndex === -1) return false;
  let before = tokens[firstIndex - 1];
  if (before?.lower === 'the') before = tokens[firstIndex - 2];
  if (before && LEADS.has(before.lower)) return true;
  if (before?.lower === 'to' && tokens[tokens.indexOf(before) - 1]?.lower === 'according') return true;
  let next = lastIndex + 1;
  while (tokens[next] && SPEAKER_ADVERBS.has(tokens[next]?.lower ?? '')) next += 1;
  const after = tokens[next];
  if (!after) return false;
  if (tokens[lastIndex]?.possessive) return SPEECH_NOUNS.has(after.lower);
  return SAY_VERBS.has(after.lower) || (firstIndex === 0 && TOPIC_LINKS.has(after.lower));
}

/**
 * "what did Andrew Dixon say" names someone else than Michael Dixon: a capitalised word just
 * before a one-word alias, that is neither a title nor a role, makes a different person.
 */
function otherPersonNamed(tokens: readonly Token[], match: KnownSpeakerMatch): NameRun | null {
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
function withRoles(tokens: readonly Token[], match: KnownSpeakerMatch): { start: number; end: number } {
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

/** Whether the user capitalises: some word after the first starts with a capital ("I" aside). */
function userCapitalises(tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => index > 0 && token.capitalised && token.text !== 'I');
}

function isLowerCaseWord(text: string, match: KnownSpeakerMatch): boolean {
  const written = text.slice(match.nameStart, match.nameEnd);
  return !/\s/.test(written) && written === written.toLowerCase();
}

function isJoined(text: string, a: KnownSpeakerMatch, b: KnownSpeakerMatch): boolean {
  const between = a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start);
  return /^\s*(?:,|&|\band\b|\bor\b|,\s*and\b)\s*$/i.test(between);
}

function isPlainNameWord(token: Token | undefined): boolean {
  return token !== undefined && isNameWord(token) && !token.possessive;
}

function withoutHonorifics(name: string): string {
  const words = name.replace(/’/g, "'").split(/\s+/);
  while (words.length > 1 && HONORIFICS.has((words[0] ?? '').toLowerCase())) words.shift();
  return words.join(' ');
}
