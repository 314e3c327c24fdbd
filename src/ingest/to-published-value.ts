import { isValidPublishedValue } from '../corpus/article.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fromParts(year: string, month: string, day: string): string | null {
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  if (m === 0) return null;
  const value = `${year}-${pad(m)}-${pad(Number(day))}`;
  return isValidPublishedValue(value) ? value : null;
}

/**
 * Turns a date as pages and feeds write it into a corpus `published` value (`YYYY-MM-DD`,
 * `YYYY-MM` or `YYYY`), or null. A timestamp keeps the calendar date the outlet wrote, not the UTC
 * one: `2024-03-05T23:30:00-05:00` is the 5th, as the outlet's readers saw it.
 */
export function toPublishedValue(text: string | undefined | null): string | null {
  if (!text) return null;
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (iso) {
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isValidPublishedValue(day) ? day : null;
  }
  if (/^\d{4}(?:-\d{2})?$/.test(value)) return isValidPublishedValue(value) ? value : null;
  // RFC 822 as feeds write it: "Tue, 05 Mar 2024 23:30:00 -0500".
  const dmy = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(value);
  if (dmy) return fromParts(dmy[3] ?? '', dmy[2] ?? '', dmy[1] ?? '');
  // "March 5, 2024".
  const mdy = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(value);
  if (mdy) return fromParts(mdy[3] ?? '', mdy[1] ?? '', mdy[2] ?? '');
  return null;
}
