import { findKnownSpeakers, type KnownSpeakerMatch, type SpeakerIndex } from './find-known-speakers.js';
import { findFramedWords, findNamedSpeaker, type NameRun } from './find-named-speaker.js';
import { findSimilarSpeaker } from './find-similar-speaker.js';
import type { OutletMatch } from './find-outlet.js';
import { HONORIFICS } from './question-words.js';
import { isJoined, isPlausibleMention, isSpeakerPosition, otherPersonNamed, tokenRange, withRoles } from './speaker-position.js';
import { stripPossessive, tokenizeQuestion, type Token } from './tokenize-question.js';

/** The speaker a question asks about, and the text spans that name them. */
export interface ChosenSpeaker {
  speakerId: string | null;
  speakerQuery: string | null;
  spans: Array<{ start: number; end: number }>;
  /** The speaker's name was also read as an outlet ("from NHS Alliance"); the speaker wins. */
  overridesOutlet: boolean;
}

const NONE: ChosenSpeaker = { speakerId: null, speakerQuery: null, spans: [], overridesOutlet: false };

interface Candidate {
  match: KnownSpeakerMatch;
  /** Named where questions put a speaker ("did X say"), not merely mentioned. */
  strong: boolean;
  /** Set when the alias is the surname of someone else ("Andrew Dixon"). */
  other: NameRun | null;
}

/**
 * Picks the speaker of a question: a known speaker named in a speaker position first, then
 * a name in a speaker position that matches no alias (a misspelt known speaker, or someone
 * the corpus does not quote), then a known speaker merely mentioned at the edge of the
 * question ("Dixon senates").
 */
export function chooseSpeaker(
  text: string,
  cleaned: string,
  speakers: SpeakerIndex,
  outlet: OutletMatch | null,
  outletFirst: ReadonlySet<string>,
): ChosenSpeaker {
  const tokens = tokenizeQuestion(text);
  const overlapsOutlet = (match: KnownSpeakerMatch): boolean =>
    outlet !== null && match.start < outlet.end && outlet.start < match.end;
  const capitalises = userCapitalises(tokens);
  const known = findKnownSpeakers(text, speakers).filter(
    (match) => !(overlapsOutlet(match) && outlet !== null && outletFirst.has(outlet.preposition)),
  );
  const candidates = known
    .flatMap((match) => judge(tokens, text, match, capitalises))
    .sort(
      (a, b) =>
        Number(b.strong) - Number(a.strong) ||
        (b.match.nameEnd - b.match.nameStart) - (a.match.nameEnd - a.match.nameStart) ||
        a.match.start - b.match.start,
    );
  const best = candidates[0];
  if (!best?.strong) {
    // "what did Andrew Lansley say about Dixon": the unknown name is the speaker, Dixon the topic.
    const free = tokens.filter(
      (token) =>
        !(outlet && token.start < outlet.end && outlet.start < token.end) &&
        !candidates.some(({ match }) => token.start < match.end && match.start < token.end),
    );
    const named = findNamedSpeaker(free);
    if (named && (named.strong || !best)) return fromRun(free, named.run, cleaned, speakers);
  }
  if (!best) {
    const framed = findFramedWords(tokens);
    const misspelt = framed ? fromRun(tokens, framed, cleaned, speakers) : NONE;
    return misspelt.speakerId ? misspelt : NONE;
  }
  if (best.other) return fromRun(tokens, best.other, cleaned, null);
  const mine = candidates.map(({ match }) => match).filter((match) => match.speakerId === best.match.speakerId);
  // "what did Okafor and Price say": only one speaker is searched, but the other name is no topic.
  const joined = known.filter((match) => match.speakerId !== best.match.speakerId && mine.some((own) => isJoined(text, own, match)));
  return {
    speakerId: best.match.speakerId,
    speakerQuery: withoutHonorifics(cleaned.slice(best.match.nameStart, best.match.nameEnd)),
    spans: [...mine.map((match) => withRoles(tokens, match)), ...joined].map(({ start, end }) => ({ start, end })),
    overridesOutlet: mine.some(overlapsOutlet),
  };
}

function judge(tokens: readonly Token[], text: string, match: KnownSpeakerMatch, capitalises: boolean): Candidate[] {
  const other = otherPersonNamed(tokens, match);
  if (other) return isSpeakerPosition(tokens, other.first, other.last - 1) ? [{ match, strong: true, other }] : [];
  const range = tokenRange(tokens, match);
  if (!range) return [];
  if (isSpeakerPosition(tokens, range.first, range.last)) return [{ match, strong: true, other: null }];
  // A user who capitalises names wrote "brown envelopes", not "Brown".
  if (capitalises && isLowerCaseWord(text, match)) return [];
  return isPlausibleMention(tokens, range.first, range.last, match) ? [{ match, strong: false, other: null }] : [];
}

/** A name that matches no alias: a misspelt known speaker ("Dixn"), or someone not in the corpus. */
function fromRun(tokens: readonly Token[], run: NameRun, cleaned: string, speakers: SpeakerIndex | null): ChosenSpeaker {
  const first = tokens[run.first];
  const nameFirst = tokens[run.nameFirst];
  const last = tokens[run.last - 1];
  if (!first || !nameFirst || !last) return NONE;
  const query = stripPossessive(cleaned.slice(nameFirst.start, last.end).replace(/’/g, "'"));
  const similar = speakers ? findSimilarSpeaker(query, speakers) : null;
  return { speakerId: similar, speakerQuery: query, spans: [{ start: first.start, end: last.end }], overridesOutlet: false };
}

/** Whether the user capitalises: some word after the first starts with a capital ("I" aside). */
function userCapitalises(tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => index > 0 && token.capitalised && token.text !== 'I');
}

function isLowerCaseWord(text: string, match: KnownSpeakerMatch): boolean {
  const written = text.slice(match.nameStart, match.nameEnd);
  return !/\s/.test(written) && written === written.toLowerCase();
}

function withoutHonorifics(name: string): string {
  const words = name.replace(/’/g, "'").split(/\s+/);
  while (words.length > 1 && HONORIFICS.has((words[0] ?? '').toLowerCase())) words.shift();
  return words.join(' ');
}
