/** A watch command typed in a channel: `watch <question>`, `watches`, `unwatch N`. */
export type WatchCommand =
  | { kind: 'watch'; question: string }
  | { kind: 'watches' }
  | { kind: 'unwatch'; number: number }
  | { kind: 'bad_watch'; message: string };

const PREFIX = /^(?:[/!@]?brief(?:bot)?\b[\s:,]*)?/i;
const WATCH = /^(?:please\s+)?watch(?:\s+for)?\s+([\s\S]+)$/i;
const LIST = /^(?:(?:list|show)(?:\s+(?:my|the|all))?\s+watch(?:es)?|watches|watching|what are you watching)[?.!]*$/i;
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
  const question = unquoteWhole(watch[1]!.trim());
  return { kind: 'watch', question };
}

/** `watch "demolition experts"` watches for the phrase: the core's "who said …" form. */
function unquoteWhole(question: string): string {
  const quoted = /^["“”'‘’](.+)["“”'‘’]$/.exec(question);
  return quoted && !/["“”]/.test(quoted[1]!) ? `who said "${quoted[1]!.trim()}"` : question;
}
