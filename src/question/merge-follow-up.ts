import type { ParsedQuestion } from './parsed-question.js';

type Query = Extract<ParsedQuestion, { kind: 'query' }>;

/** A part of the previous question that a follow-up kept. */
export type CarriedPart = 'speaker' | 'topic' | 'dates' | 'outlet';

/** A follow-up merged with the previous question: the query to run, what carried over, and for "who else" whom to leave out. */
export interface MergedFollowUp {
  query: Query;
  carried: CarriedPart[];
  /** "who else said that?": the previous speaker, whose statements are left out. */
  excludeSpeakerId: string | null;
}

/** "who else said that?", "who else has said so": the same topic from other speakers. */
const WHO_ELSE = /^(?:and\s+|so\s+)?who\s+else(?:\s+(?:said|says|has\s+said|talked\s+about|spoke\s+about|mentioned|is\s+saying))?(?:\s+(?:that|this|it|so|the\s+same))?\s*(?<rest>.*)$/iu;
/** "more on senates", "anything more about funding": a new topic, the rest kept. */
const MORE_ON = /^(?:and\s+)?(?:anything\s+|something\s+|any\s+)?more\s+(?:on|about)\s+(?<rest>.+)$/iu;
/** "what about Hunt?", "and in 2011?", "how about in Pulse?": replace what is named, keep the rest. */
const WHAT_ABOUT = /^(?:(?:and|but)\s+)?(?:what|how)\s+about\s+(?<rest>.+)$|^(?:and|also)\s+(?<rest2>.+)$/iu;
/** A rest that is a question of its own ("and what did Hunt say?") is never merged. */
const OWN_QUESTION = /^(?:what|who|whom|when|where|why|how|did|does|do|has|have|is|was|were|which|show|find|list|give|tell|quotes?|latest|newest)\b/iu;

function clean(question: string): string {
  return question.trim().replace(/[?.!\s]+$/u, '');
}

function hasSpeaker(q: Query): boolean {
  return q.speakerQuery !== null;
}

function hasTopic(q: Query): boolean {
  return q.topic !== null || q.phrase !== null;
}

function hasDates(q: Query): boolean {
  return q.dateFrom !== null || q.dateTo !== null;
}

/** Copies the parts the follow-up does not name from the previous query, and lists them. */
function carryOver(previous: Query, next: Query, question: string, keepSpeaker: boolean): { query: Query; carried: CarriedPart[] } {
  const query: Query = { ...next, question };
  const carried: CarriedPart[] = [];
  if (keepSpeaker && !hasSpeaker(next) && hasSpeaker(previous)) {
    query.speakerId = previous.speakerId;
    query.speakerQuery = previous.speakerQuery;
    carried.push('speaker');
  }
  if (!hasTopic(next) && hasTopic(previous)) {
    query.topic = previous.topic;
    query.phrase = previous.phrase;
    carried.push('topic');
  }
  if (!hasDates(next) && hasDates(previous)) {
    query.dateFrom = previous.dateFrom;
    query.dateTo = previous.dateTo;
    query.dateText = previous.dateText;
    carried.push('dates');
  }
  if (next.outlet === null && previous.outlet !== null) {
    query.outlet = previous.outlet;
    carried.push('outlet');
  }
  if (next.sort === 'relevance' && previous.sort === 'newest') query.sort = 'newest';
  return { query, carried };
}

/**
 * Reads a question as a follow-up of the previous one, when it is written as one: "and in 2011?",
 * "what about Hunt?", "more on senates", "who else said that?". The parts it names replace the
 * previous ones; the others carry over. A question that stands on its own (no follow-up wording, or
 * a whole question after "and") returns null and is answered as asked. `parse` is the corpus's parser;
 * `previousExcluded` the speaker the previous question left out (asking "who else" again keeps them out).
 */
export function mergeFollowUp(question: string, previous: Query, parse: (text: string) => ParsedQuestion, previousExcluded: string | null = null): MergedFollowUp | null {
  const text = clean(question);
  const whoElse = WHO_ELSE.exec(text);
  if (whoElse) {
    if (!hasTopic(previous)) return null;
    const rest = whoElse.groups?.rest?.trim() ?? '';
    const parsed = rest === '' ? null : parse(rest);
    const next: Query = parsed?.kind === 'query' ? parsed : { ...previous, speakerId: null, speakerQuery: null, topic: null, phrase: null, dateFrom: null, dateTo: null, dateText: null, outlet: null, sort: 'relevance' };
    if (hasSpeaker(next)) return null;
    const merged = carryOver(previous, next, question, false);
    return { ...merged, excludeSpeakerId: previous.speakerId ?? previousExcluded };
  }
  const more = MORE_ON.exec(text);
  const about = more ? null : WHAT_ABOUT.exec(text);
  const rest = (more?.groups?.rest ?? about?.groups?.rest ?? about?.groups?.rest2)?.trim();
  if (rest === undefined || rest === '' || OWN_QUESTION.test(rest)) return null;
  const parsed = parse(rest);
  if (parsed.kind !== 'query') return null;
  // Both a speaker and a topic named: a question of its own, whatever words it starts with.
  if (hasSpeaker(parsed) && hasTopic(parsed)) return null;
  if (!hasSpeaker(parsed) && !hasTopic(parsed) && !hasDates(parsed) && parsed.outlet === null && parsed.sort === previous.sort) return null;
  return { ...carryOver(previous, parsed, question, true), excludeSpeakerId: null };
}
