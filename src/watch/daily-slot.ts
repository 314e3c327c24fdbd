import type { Daily } from './watch.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a time zone, read with Intl (DST and all). */
function wallClock(ms: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second) };
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a local date and time happens in a time zone. A time skipped when the clocks go
 * forward happens as many minutes after the change as it was meant to be after the hour; a time
 * that happens twice when they go back is its first occurrence.
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const local = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets either side of the day: one, or two when the clocks change that day.
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const readsRight = (ms: number) => {
    const w = wallClock(ms, timeZone);
    return w.hour === hour && w.minute === minute;
  };
  const candidates = [...new Set([before, after])].map((offset) => local - offset).filter(readsRight);
  // None reads right: the time was skipped, so it happens that long after the change (the old offset).
  return candidates.length > 0 ? Math.min(...candidates) : local - before;
}

/** The latest time the digest was due at or before `now`: today's at that local time, or yesterday's. */
export function latestDigestSlot(daily: Daily, now: Date): Date {
  const today = wallClock(now.getTime(), daily.timeZone);
  const slot = zonedInstant(today.year, today.month, today.day, daily.hour, daily.minute, daily.timeZone);
  if (slot <= now.getTime()) return new Date(slot);
  const yesterday = new Date(Date.UTC(today.year, today.month - 1, today.day - 1));
  return new Date(zonedInstant(yesterday.getUTCFullYear(), yesterday.getUTCMonth() + 1, yesterday.getUTCDate(), daily.hour, daily.minute, daily.timeZone));
}

/** `daily at 08:00 (Europe/London)`. */
export function describeDaily(daily: Daily): string {
  return `daily at ${String(daily.hour).padStart(2, '0')}:${String(daily.minute).padStart(2, '0')} (${daily.timeZone})`;
}

/** An IANA time zone as Intl spells it (`europe/london` → `Europe/London`), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
