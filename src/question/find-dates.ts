import * as chrono from 'chrono-node';
import {
  DATED_POINT_SOURCE,
  MONTH_SOURCE,
  POINT_SOURCE,
  YEAR_SOURCE,
  addDays,
  dayOf,
  hasYear,
  parsePoint,
  yearSpan,
  type DaySpan,
} from './date-point.js';
import { relativeSpan } from './relative-dates.js';
import { FRAME_WORDS, STOP_WORDS } from './question-words.js';
import { maskSpans } from './tokenize-question.js';

/** A date expression found in a question: its place, and the inclusive range it means. */
export interface DateMatch {
  start: number;
  end: number;
  from: string | null;
  to: string | null;
}

type Relation = 'in' | 'since' | 'after' | 'before' | 'until';

const B = '(?<![\\p{L}\\p{N}£$€#.,/-])';
const E = '(?![\\p{L}\\p{N}]|[.,/-]\\d)';
const P = `(${POINT_SOURCE})`;
const DP = `(${DATED_POINT_SOURCE})`;
const RANGE_JOIN = '\\s*(?:-|–|\\bto\\b|\\band\\b|\\buntil\\b|\\btill\\b|\\bthrough\\b|\\bthru\\b)\\s*';

const PREPOSITIONS: ReadonlyArray<[string, Relation]> = [
  ['since', 'since'], ['from', 'since'], ['starting', 'since'], ['starting from', 'since'],
  ['after', 'after'], ['later than', 'after'],
  ['before', 'before'], ['prior to', 'before'], ['earlier than', 'before'],
  ['until', 'until'], ['till', 'until'], ['up to', 'until'], ['up until', 'until'], ['by', 'until'],
  ['in', 'in'], ['during', 'in'], ['on', 'in'], ['of', 'in'], ['for', 'in'], ['throughout', 'in'],
];
const PREPOSITION_SOURCE = PREPOSITIONS.map(([words]) => words.replace(' ', '\\s+')).join('|');

const BETWEEN = new RegExp(`${B}(?:between|from)\\s+${P}${RANGE_JOIN}${DP}${E}`, 'giu');
const ACADEMIC_YEAR = new RegExp(`${B}(?:(?:in|during|for)\\s+)?(${YEAR_SOURCE})[-/](\\d\\d)${E}`, 'giu');
const BARE_RANGE = new RegExp(`${B}(?:(?:in|during|for)\\s+)?(${DATED_POINT_SOURCE}|${MONTH_SOURCE})${RANGE_JOIN}${DP}${E}`, 'giu');
const WITH_PREPOSITION = new RegExp(
  `${B}(${PREPOSITION_SOURCE})\\s+(?:the\\s+(?:year|month)\\s+(?:of\\s+)?)?${P}${E}`,
  'giu',
);
const BARE_POINT = new RegExp(`${B}${DP}${E}`, 'giu');

/** Finds every date expression in a (normalised) question, most specific rules first. */
export function findDates(text: string, now: Date): DateMatch[] {
  const found: DateMatch[] = [];
  const claim = (match: DateMatch | null): void => {
    if (match && !found.some((other) => match.start < other.end && other.start < match.end)) found.push(match);
  };
  for (const m of text.matchAll(BETWEEN)) claim(rangeMatch(m, text, now));
  for (const m of text.matchAll(ACADEMIC_YEAR)) claim(academicYearMatch(m));
  for (const m of text.matchAll(BARE_RANGE)) claim(rangeMatch(m, text, now));
  for (const match of relativeSpan(text, now)) claim(match);
  for (const m of text.matchAll(WITH_PREPOSITION)) claim(prepositionMatch(m, text, now));
  for (const m of text.matchAll(BARE_POINT)) claim(pointMatch(m, text, now, 'in'));
  for (const match of chronoMatches(text, now, found)) claim(match);
  return found.sort((a, b) => a.start - b.start);
}

function rangeMatch(m: RegExpMatchArray, text: string, now: Date): DateMatch | null {
  const [whole, first = '', second = ''] = m;
  const start = m.index ?? 0;
  if (!hasYear(second) || isCountNotYear(text, start + whole.length, second)) return null;
  const last = parsePoint(second, now);
  if (!last) return null;
  const firstSpan = parsePoint(first, now, Number(last.from.slice(0, 4)));
  if (!firstSpan || firstSpan.from > last.to) return null;
  return { start, end: start + whole.length, from: firstSpan.from, to: last.to };
}

function academicYearMatch(m: RegExpMatchArray): DateMatch | null {
  const [whole, yearText = '', suffix = ''] = m;
  const year = Number(yearText);
  // "2011-12" or "2011/12" is a two-year span; "2012-11" stays a month for the ISO rule.
  if ((year + 1) % 100 !== Number(suffix)) return null;
  const start = m.index ?? 0;
  return { start, end: start + whole.length, from: yearSpan(year).from, to: yearSpan(year + 1).to };
}

function prepositionMatch(m: RegExpMatchArray, text: string, now: Date): DateMatch | null {
  const [, preposition = '', point = ''] = m;
  return pointMatch(m, text, now, relationOf(preposition), point);
}

function relationOf(preposition: string): Relation {
  const words = preposition.toLowerCase().replace(/\s+/g, ' ');
  return PREPOSITIONS.find(([written]) => written === words)?.[1] ?? 'in';
}

function pointMatch(
  m: RegExpMatchArray,
  text: string,
  now: Date,
  relation: Relation,
  point: string = m[1] ?? '',
): DateMatch | null {
  const start = m.index ?? 0;
  const end = start + m[0].length;
  if (isCountNotYear(text, end, point)) return null;
  const span = parsePoint(point, now);
  return span ? { start, end, ...applyRelation(span, relation) } : null;
}

/** Turns the days a point covers into the range its preposition asks for. */
export function applyRelation(span: DaySpan, relation: Relation): { from: string | null; to: string | null } {
  switch (relation) {
    case 'in':
      return { from: span.from, to: span.to };
    case 'since':
      return { from: span.from, to: null };
    case 'after':
      return { from: addDays(span.to, 1), to: null };
    case 'before':
      return { from: null, to: addDays(span.from, -1) };
    case 'until':
      return { from: null, to: span.to };
    default: {
      const unreachable: never = relation;
      return unreachable;
    }
  }
}

/** "2000 patients": a bare four-digit number followed by a noun counts things, it is no year. */
function isCountNotYear(text: string, end: number, point: string): boolean {
  if (!/^\d{4}$/.test(point.trim())) return false;
  const next = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 40))?.[1];
  if (next === undefined || !/^\p{Ll}/u.test(next)) return false;
  const lower = next.toLowerCase();
  return !STOP_WORDS.has(lower) && !FRAME_WORDS.has(lower);
}

const RELATIVE_WORD = /\b(?:ago|yesterday|today|last|this|past|previous|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const LEADING_PREPOSITION = new RegExp(`(?<![\\p{L}\\p{N}])(${PREPOSITION_SOURCE})\\s+$`, 'iu');

/** Dates chrono reads that the rules above do not: "3 weeks ago", "last Tuesday", "22.11.2012". */
function chronoMatches(text: string, now: Date, found: readonly DateMatch[]): DateMatch[] {
  const masked = maskSpans(text, found);
  const matches: DateMatch[] = [];
  for (const result of parseWithChrono(masked, now)) {
    const span = chronoSpan(result);
    if (!span) continue;
    const lead = LEADING_PREPOSITION.exec(masked.slice(Math.max(0, result.index - 20), result.index));
    const start = result.index - (lead?.[0].length ?? 0);
    matches.push({ start, end: result.index + result.text.length, ...applyRelation(span, relationOf(lead?.[1] ?? 'in')) });
  }
  return matches;
}

function parseWithChrono(text: string, now: Date): chrono.ParsedResult[] {
  try {
    return chrono.en.GB.parse(text, now, { forwardDate: false });
  } catch {
    // A question must never fail on a third-party parser's bug; the rules above have run.
    return [];
  }
}

function chronoSpan(result: chrono.ParsedResult): DaySpan | null {
  const first = result.start;
  const dated = first.isCertain('day') || first.isCertain('weekday');
  // A month alone ("Theresa May") or a time alone ("at 5") is not a date a user asked for.
  if (!dated && !(first.isCertain('year') && RELATIVE_WORD.test(result.text))) return null;
  const from = dayOf(first.date());
  const to = result.end ? dayOf(result.end.date()) : from;
  return from <= to ? { from, to } : null;
}
