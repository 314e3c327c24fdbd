import { addDays, dayOf, formatDay, monthSpan, yearSpan, type DaySpan } from './date-point.js';
import type { DateMatch } from './find-dates.js';

type Unit = 'day' | 'week' | 'month' | 'year';

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  twelve: 12, eighteen: 18, twenty: 20,
};
const LEAD = '(?:(?:in|during|over|for|within|from|since|throughout)\\s+)?';
const ROLLING = new RegExp(
  `\\b${LEAD}(?:the\\s+)?(?:last|past|previous)\\s+(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+(day|week|month|year)s?\\b`,
  'gi',
);
const NAMED = new RegExp(`\\b${LEAD}(the\\s+)?(this|current|last|past|previous)\\s+(day|week|month|year)\\b`, 'gi');
const SINGLE_DAY = /\b(?:(?:on|since|from)\s+)?(today|yesterday)\b/gi;

/** Finds "last year", "this month", "the past two years", "yesterday", relative to `now`. */
export function relativeSpan(text: string, now: Date): DateMatch[] {
  const matches: DateMatch[] = [];
  const today = dayOf(now);
  for (const m of text.matchAll(ROLLING)) {
    const count = toCount(m[1] ?? '');
    if (count === null || count === 0) continue;
    matches.push(at(m, { from: rollBack(now, count, toUnit(m[2])), to: today }));
  }
  for (const m of text.matchAll(NAMED)) {
    const [, article, which = '', unitText] = m;
    const unit = toUnit(unitText);
    const lower = which.toLowerCase();
    // "last year" is the calendar year before; "the past year" is the twelve months to today.
    const rolling = lower === 'past' || (article !== undefined && lower !== 'this' && lower !== 'current');
    const span = rolling ? { from: rollBack(now, 1, unit), to: today } : calendarSpan(now, unit, lower === 'this' || lower === 'current' ? 0 : -1);
    matches.push(at(m, span));
  }
  for (const m of text.matchAll(SINGLE_DAY)) {
    const day = (m[1] ?? '').toLowerCase() === 'today' ? today : addDays(today, -1);
    const open = /^(since|from)/i.test(m[0]);
    matches.push({ ...at(m, { from: day, to: day }), to: open ? null : day });
  }
  return matches;
}

function at(m: RegExpMatchArray, span: DaySpan): DateMatch {
  const start = m.index ?? 0;
  return { start, end: start + m[0].length, from: span.from, to: span.to };
}

function toCount(text: string): number | null {
  const lower = text.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  return NUMBER_WORDS[lower] ?? null;
}

function toUnit(text: string | undefined): Unit {
  const lower = (text ?? 'day').toLowerCase();
  return lower === 'week' || lower === 'month' || lower === 'year' ? lower : 'day';
}

function rollBack(now: Date, count: number, unit: Unit): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  switch (unit) {
    case 'day':
      return addDays(dayOf(now), -count);
    case 'week':
      return addDays(dayOf(now), -7 * count);
    case 'month':
      return formatDay(year, month - count, Math.min(day, lastDayOf(year, month - count)));
    case 'year':
      return formatDay(year - count, month, Math.min(day, lastDayOf(year - count, month)));
    default: {
      const unreachable: never = unit;
      return unreachable;
    }
  }
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarSpan(now: Date, unit: Unit, offset: number): DaySpan {
  const today = dayOf(now);
  switch (unit) {
    case 'day':
      return { from: addDays(today, offset), to: addDays(today, offset) };
    case 'week': {
      // Weeks start on Monday, as in the UK.
      const monday = addDays(today, -((now.getUTCDay() + 6) % 7) + 7 * offset);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'month':
      return monthSpan(now.getUTCFullYear(), now.getUTCMonth() + 1 + offset);
    case 'year':
      return yearSpan(now.getUTCFullYear() + offset);
    default: {
      const unreachable: never = unit;
      return unreachable;
    }
  }
}
