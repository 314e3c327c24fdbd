/** The local time of a daily digest, and the time zone when the command names one (`daily at 8:00 Europe/London`). */
export interface DailyTime {
  hour: number;
  minute: number;
  timeZone?: string;
}

/** A watch command typed in a channel: `watch <question>`, `watches`, `unwatch N`, `timezone [zone]`. */
export type WatchCommand =
  | { kind: 'watch'; question: string; daily: DailyTime | null }
  | { kind: 'watches' }
  | { kind: 'unwatch'; number: number }
  /** `timezone` shows the channel's; `timezone Europe/London` sets it; `timezone default` clears it. Not yet checked against Intl. */
  | { kind: 'timezone'; zone: string | null; clear: boolean }
  | { kind: 'bad_watch'; message: string };

const PREFIX = /^(?:[/!@]?brief(?:bot)?\b[\s:,]*)?/i;
const WATCH = /^(?:please\s+)?watch(?:\s+for)?\s+([\s\S]+)$/i;
const LIST = /^(?:(?:list|show)(?:\s+(?:my|the|all))?\s+watch(?:es)?|watches|watching|what are you watching)[?.!]*$/i;
/** `… daily at 8:00`, `… every day at 8am`, `… daily at 17.30`: the digest suffix, read before the question. */
const DAILY = /\s*,?\s+(?:daily|every\s+day|each\s+day)(?:\s+at\s+(.*?))?[.!]*$/i;
const TIME = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?)?$/i;
const BAD_TIME = 'Say when to post the daily digest, for example: watch Dixon on senates daily at 8:00 (or at 8am, at 17:30).';
const UNWATCH = /^(?:unwatch|stop watching|remove watch)\b\s*(.*)$/i;
/** `timezone`, `time zone Europe/London`, `set timezone to Asia/Tokyo`, `tz UTC`. */
const TIMEZONE = /^(?:(?:set|change)\s+(?:the\s+)?(?:channel(?:'s)?\s+)?)?(?:time[\s-]?zone|tz)(?:\s+(?:to|is|=|:))?(?:\s+(\S+))?[.!?]*$/i;
const CLEAR_ZONE = /^(?:default|reset|clear|none|off)$/i;
/** An IANA name (`Europe/London`, `America/Argentina/Buenos_Aires`) or UTC / GMT, optionally after "in", at the end of a daily time. */
const ZONE_SUFFIX = /\s+(?:in\s+)?\(?((?:[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)|UTC|GMT)\)?$/i;

/**
 * Recognises a watch command, or null when the text is a question. `watch` alone and `unwatch`
 * without a number give `bad_watch` with an example, never a silent question.
 */
export function parseWatchCommand(text: string): WatchCommand | null {
  const cleaned = text.replace(PREFIX, '').replace(/\s+/g, ' ').trim();
  if (LIST.test(cleaned)) return { kind: 'watches' };
  const zone = TIMEZONE.exec(cleaned);
  if (zone) {
    const name = zone[1]?.replace(/[.!?]+$/, '') ?? null;
    return name !== null && CLEAR_ZONE.test(name) ? { kind: 'timezone', zone: null, clear: true } : { kind: 'timezone', zone: name, clear: false };
  }
  const unwatch = UNWATCH.exec(cleaned);
  if (unwatch) {
    const arg = unwatch[1]!.replace(/^#|^number\s+/i, '').replace(/[.!]+$/, '').trim();
    if (/^\d{1,4}$/.test(arg) && Number(arg) > 0) return { kind: 'unwatch', number: Number(arg) };
    return { kind: 'bad_watch', message: 'Say which watch to remove by its number, for example: unwatch 2 (type "watches" for the list).' };
  }
  if (/^watch[?.!]*$/i.test(cleaned)) {
    return { kind: 'bad_watch', message: 'Say what to watch for, for example: watch Dixon on senates, watch quotes from Hunt, or watch "demolition experts".' };
  }
  const watch = WATCH.exec(cleaned);
  if (!watch) return null;
  let rest = watch[1]!.trim();
  let daily: DailyTime | null = null;
  const suffix = DAILY.exec(rest);
  if (suffix) {
    const time = suffix[1] === undefined ? null : parseDailyTime(suffix[1].trim());
    if (!time) return { kind: 'bad_watch', message: BAD_TIME };
    daily = time;
    rest = rest.slice(0, suffix.index).trim();
    if (rest === '') return { kind: 'bad_watch', message: 'Say what to watch for, for example: watch Dixon on senates daily at 8:00.' };
  }
  return { kind: 'watch', question: unquoteWhole(rest), daily };
}

/** A time with an optional time zone after it: `8:00 Europe/London`, `8am in Asia/Tokyo`, `17:30 (UTC)`. */
function parseDailyTime(text: string): DailyTime | null {
  const zone = ZONE_SUFFIX.exec(text);
  if (!zone) return parseTime(text);
  const time = parseTime(text.slice(0, zone.index).trim());
  return time ? { ...time, timeZone: zone[1]! } : null;
}

/** `8:00`, `08:00`, `8am`, `8.30 pm`, `17:30`; null for anything else (25:00, 13pm, noonish). */
function parseTime(text: string): DailyTime | null {
  const match = TIME.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.toLowerCase().replace(/\./g, '');
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return { hour, minute };
}

/** `watch "demolition experts"` watches for the phrase: the core's "who said …" form. */
function unquoteWhole(question: string): string {
  const quoted = /^["“”'‘’](.+)["“”'‘’]$/.exec(question);
  return quoted && !/["“”]/.test(quoted[1]!) ? `who said "${quoted[1]!.trim()}"` : question;
}
