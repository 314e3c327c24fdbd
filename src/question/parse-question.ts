import { cleanQuestion, countCharacters, normaliseForMatching } from './clean-question.js';
import { extractTopic } from './extract-topic.js';
import { findDates, type DateMatch } from './find-dates.js';
import { indexSpeakers, type SpeakerIndex } from './find-known-speakers.js';
import { findOutlets, indexOutlets, type OutletAlias } from './find-outlet.js';
import type { ParsedQuestion, QuestionContext } from './parsed-question.js';
import { parseCommand } from './parse-command.js';
import { parseWho } from './parse-who.js';
import { chooseSpeaker } from './choose-speaker.js';
import { maskSpans, tokenizeQuestion } from './tokenize-question.js';

/** The longest question accepted, in characters after cleaning. */
export const MAX_QUESTION_LENGTH = 500;

const SORT_WORDS =
  /(?<![\p{L}\p{N}])(?:latest|newest|most\s+recent(?:ly)?|recent|recently|lately|last(?:\s+things?|(?=\s+(?:quotes?|statements?|comments?|words?|remarks?)(?![\p{L}\p{N}]))))(?![\p{L}\p{N}])/giu;
/** Prepositions an outlet may take while a speaker also has that name: "in" means the outlet. */
const OUTLET_FIRST = new Set(['in', 'on', 'at', 'via', 'per', 'reported in', 'published in', 'said in']);

/**
 * Takes a chat message apart: a command, an invalid message, or a query with its speaker,
 * topic, "who said" phrase, date range, outlet and sort order. Never throws.
 */
export function parseQuestion(text: string, ctx: QuestionContext): ParsedQuestion {
  return createQuestionParser(ctx)(text, ctx.now);
}

/** A question parser for one corpus: aliases are prepared once, so each question is cheap. */
export function createQuestionParser(ctx: Omit<QuestionContext, 'now'>): (text: string, now: Date) => ParsedQuestion {
  const speakers = indexSpeakers(ctx.speakers);
  const outlets = indexOutlets(ctx.outlets);
  return (text, now) => parseWith(text, now, speakers, outlets);
}

function parseWith(text: string, now: Date, speakerIndex: SpeakerIndex, outletAliases: readonly OutletAlias[]): ParsedQuestion {
  const cleaned = cleanQuestion(text);
  if (cleaned.length === 0) {
    return { kind: 'invalid', reason: 'empty', message: 'Please type a question, for example: what did <speaker> say about <topic>?' };
  }
  const length = countCharacters(cleaned);
  if (length > MAX_QUESTION_LENGTH) {
    return {
      kind: 'invalid',
      reason: 'too_long',
      message: `That question is ${length} characters long; please keep it under ${MAX_QUESTION_LENGTH} characters, for example: what did <speaker> say about <topic>?`,
    };
  }
  const command = parseCommand(cleaned);
  if (command) return { kind: 'command', command };
  if (!/[\p{L}\p{N}]/u.test(cleaned)) {
    return { kind: 'invalid', reason: 'no_words', message: 'I could not find any words in that. Try: what did <speaker> say about <topic>?' };
  }

  const norm = normaliseForMatching(cleaned);
  const dates = findDates(norm, now);
  const sortSpans = [...norm.matchAll(SORT_WORDS)]
    .map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }))
    .filter((span) => !dates.some((date) => span.start < date.end && date.start < span.end));
  const undated = maskSpans(norm, [...dates, ...sortSpans]);

  const outlets = findOutlets(undated, outletAliases);
  const outlet = outlets[0] ?? null;
  const afterOutlet = outlet ? maskSpans(undated, [outlet]) : undated;
  const dateFields = summariseDates(dates, cleaned);
  const sort = sortSpans.length > 0 ? 'newest' : 'relevance';
  const base = { question: cleaned, ...dateFields, sort } as const;

  const who = parseWho(afterOutlet, cleaned);
  if (who) {
    return { kind: 'query', ...base, speakerId: null, speakerQuery: null, topic: who.phrase, phrase: who.phrase, outlet: outlet?.outlet ?? null };
  }

  const speaker = chooseSpeaker(undated, cleaned, speakerIndex, outlet, OUTLET_FIRST);
  // A speaker who is also an outlet ("from NHS Alliance") keeps the name unless "in" was used.
  const keptOutlet = outlet && !speaker.overridesOutlet ? outlet : null;
  const remaining = maskSpans(keptOutlet ? afterOutlet : undated, speaker.spans);
  const topic = extractTopic(tokenizeQuestion(remaining), cleaned);
  return {
    kind: 'query',
    ...base,
    speakerId: speaker.speakerId,
    speakerQuery: speaker.speakerQuery,
    topic,
    phrase: null,
    outlet: keptOutlet?.outlet ?? null,
  };
}

function summariseDates(dates: readonly DateMatch[], cleaned: string): { dateFrom: string | null; dateTo: string | null; dateText: string | null } {
  if (dates.length === 0) return { dateFrom: null, dateTo: null, dateText: null };
  // Several date expressions ("in 2011 … in 2012") widen to the span that covers them all.
  const froms = dates.map((date) => date.from);
  const tos = dates.map((date) => date.to);
  return {
    dateFrom: froms.includes(null) ? null : (froms as string[]).reduce((a, b) => (a < b ? a : b)),
    dateTo: tos.includes(null) ? null : (tos as string[]).reduce((a, b) => (a > b ? a : b)),
    dateText: dates.map((date) => cleaned.slice(date.start, date.end).trim()).join(' '),
  };
}
