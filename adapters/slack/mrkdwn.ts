/** Makes text safe for Slack mrkdwn: `&`, `<` and `>` become entities, so nothing in it can mention, link or notify. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A mrkdwn link `<url|label>` whose label is escaped and whose address cannot break out of the link. */
export function formatLink(url: string, label: string): string {
  return `<${escapeLinkUrl(url)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** An address fit for the inside of `<…|…>`: only http(s), percent-encoded, `|` and `&` neutralised. */
export function escapeLinkUrl(url: string): string {
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'https://invalid.invalid/';
    href = parsed.href;
  } catch {
    return 'https://invalid.invalid/';
  }
  return href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\s/g, '%20').replace(/&/g, '&amp;');
}

/** Prefixes every line with `>` so Slack shows the text as a block quote. */
export function quoteLines(mrkdwn: string): string {
  return mrkdwn
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** Wraps text in `_…_` when Slack can show it as italics (one line, no underscore inside). */
export function italicise(mrkdwn: string): string {
  return /^[^\n_]+$/.test(mrkdwn) && mrkdwn.trim() === mrkdwn ? `_${mrkdwn}_` : mrkdwn;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Shortens mrkdwn to at most `max` characters with a trailing ellipsis, never cutting an entity
 * (`&amp;`), a link or mention (`<…>`) or a surrogate pair in half.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  const head = text.slice(0, cut);
  const amp = head.lastIndexOf('&');
  if (amp > head.lastIndexOf(';')) cut = amp;
  const lt = head.lastIndexOf('<');
  if (lt > head.lastIndexOf('>')) cut = Math.min(cut, lt);
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Shortens plain text (header and button labels) to `max` characters with an ellipsis. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}
