/** The local time of a daily digest, before the time zone is added. */
export interface DailyTime {
  hour: number;
  minute: number;
}

/** A watch command typed in a channel: `watch <question>`, `watches`, `unwatch N`. */
export type WatchCommand =
  | { kind: 'watch'; question: string; daily: DailyTime | null }
  | { kind: 'watches' }
  | { kind: 'unwatch'; number: number }
  | { kind: 'bad_watch'; message: string };

const PREFIX = /^(?:[/!@]?brief(?:bot)?\b[\s:,]*)?/i;
const WATCH = /^(?:please\s+)?watch(?:\s+for)?\s+([\s\S]+)$/i;
const LIST = /^(?:(?:list|show)(?:\s+(?:my|the|all))?\s+watch(?:es)?|watches|watching|what are you watching)[?.!]*$/i;
/** `… daily at 8:00`, `… every day at 8am`, `… daily at 17.30`: the digest suffix, read before the question. */
const DAILY = /\s*,?\s+(?:daily|every\s+day|each\s+day)(?:\s+at\s+(.*?))?[.!]*$/i;
const TIME = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?)?$/i;
const BAD_TIME = 'Say when to post the daily digest, for example: watch Dixon on senates daily at 8:00 (or at 8am, at 17:30).';
const UNWATCH = /^(?:unwatch|stop watching|remove watch)\b\s*(.*)$/i;

/**
 * Recognises a watch command, or null when the text is a question. `watch` alone and `unwatch`
 * without a number give `bad_watch` with an example, never a silent question.
 */
export function parseWatchCommand(text: string): WatchCommand | null {
  const cleaned = text.replace(PREFIX, '').replace(/\s+/g, ' ').trim();
  if (LIST.test(cleaned)) return { kind: 'watches' };
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
    const time = suffix[1] === undefined ? null : parseTime(suffix[1].trim());
    if (!time) return { kind: 'bad_watch', message: BAD_TIME };
    daily = time;
    rest = rest.slice(0, suffix.index).trim();
    if (rest === '') return { kind: 'bad_watch', message: 'Say what to watch for, for example: watch Dixon on senates daily at 8:00.' };
  }
  return { kind: 'watch', question: unquoteWhole(rest), daily };
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
