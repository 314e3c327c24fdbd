import { quotationParts, type Result, type Source, type Unconfirmed } from '../../src/index.js';
import { formatPublishedDate } from './format-date.js';
import { escapeMrkdwn, formatLink, italicise, quoteLines, truncateMrkdwn } from './mrkdwn.js';
import { LIMITS, type ButtonElement, type SlackBlock } from './slack-message.js';

/** Who said it, as one escaped mrkdwn line: "— *Michael Dixon*, chair of NHS Alliance". */
export function renderSpeakerLine(result: Result): string {
  if (result.speaker === null) return '— _speaker not named in the article_';
  const role = result.speaker.roles[0];
  const name = `*${escapeMrkdwn(result.speaker.name)}*`;
  const said = result.kind === 'indirect' ? ' (reported speech)' : '';
  const corrected = result.correction === undefined ? '' : ` _(${escapeMrkdwn(result.correction)})_`;
  return `— ${name}${role === undefined ? '' : `, ${escapeMrkdwn(role)}`}${said}${corrected}`;
}

/**
 * The statement itself: a direct quote in a block quote between curly quotes, reported speech
 * in italics after "Reported:", so the two cannot be mistaken for each other.
 */
export function renderStatementText(result: Result): string {
  const speakerLine = renderSpeakerLine(result);
  // Leave room for the speaker line, so a very long quote loses its end, not its attribution.
  const budget = LIMITS.sectionText - speakerLine.length - 16;
  const passage = result.kind === 'direct' ? markedQuotation(result) : null;
  const words = passage !== null && passage.length <= budget ? passage : truncateMrkdwn(escapeMrkdwn(result.text.trim()), budget);
  const statement = result.kind === 'direct' ? quoteLines(`“${words}”`) : `_Reported:_ ${italicise(words)}`;
  return `${statement}\n${speakerLine}`;
}

/** The whole quotation, escaped, with the part that matches the question in bold; null when there is none wider than the quote. */
function markedQuotation(result: Result): string | null {
  const parts = quotationParts(result);
  if (parts === null) return null;
  // Bold needs its marks against the words, and does not run across lines.
  const match = escapeMrkdwn(parts.match.trim());
  const marked = match.includes('\n') || match.includes('*') ? match : `*${match}*`;
  const lead = parts.trimmedStart ? '… ' : '';
  const tail = parts.trimmedEnd ? ' …' : '';
  const space = (s: string, side: 'start' | 'end') => (side === 'start' ? (/^\s/.test(s) ? ' ' : '') : /\s$/.test(s) ? ' ' : '');
  return `${lead}${escapeMrkdwn(parts.before.trimEnd())}${space(parts.before, 'end')}${space(parts.match, 'start')}${marked}${space(parts.match, 'end')}${space(parts.after, 'start')}${escapeMrkdwn(parts.after.trimStart())}${tail}`;
}

/** "Reported by *Pulse* · <link|headline> · Jan 2012", for the earliest source of a result. */
export function renderSourceLine(source: Source, otherSources: number): string {
  const parts = [
    `Reported by *${escapeMrkdwn(source.outlet)}*`,
    formatLink(source.url, source.title),
    escapeMrkdwn(formatPublishedDate(source.date)),
  ];
  if (otherSources > 0) parts.push(`also in ${otherSources} other article${otherSources === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** The blocks of one result: the statement (with an optional button beside it) and its source line. */
export function renderResultBlocks(result: Result, accessory?: ButtonElement): SlackBlock[] {
  const [source] = result.sources;
  const section: Extract<SlackBlock, { type: 'section' }> = { type: 'section', text: { type: 'mrkdwn', text: renderStatementText(result) } };
  if (accessory !== undefined) section.accessory = accessory;
  const blocks: SlackBlock[] = [section];
  if (source !== undefined) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: renderSourceLine(source, result.sources.length - 1) }] });
  }
  return blocks;
}

/** One line of plain fallback for a result: “words” — speaker (outlet, date). */
export function renderResultFallback(result: Result): string {
  const [source] = result.sources;
  const speaker = result.speaker === null ? 'unnamed speaker' : result.speaker.name;
  const where = source === undefined ? '' : ` (${source.outlet}, ${formatPublishedDate(source.date)})`;
  const words = result.kind === 'direct' ? `“${result.text.trim()}”` : `reported: ${result.text.trim()}`;
  return escapeMrkdwn(`${words} — ${speaker}${where}`);
}

/** The mrkdwn of passages that mention the speaker, under their label: never a block quote, never the speaker's words. */
export function renderUnconfirmedBlocks(unconfirmed: Unconfirmed | undefined): SlackBlock[] {
  if (unconfirmed === undefined) return [];
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(unconfirmed.label)}*` } }];
  for (const p of unconfirmed.passages) {
    const words = `${p.trimmedStart ? '… ' : ''}${escapeMrkdwn(p.text)}${p.trimmedEnd ? ' …' : ''}`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(words, LIMITS.sectionText - 8) } });
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Not confirmed as a quote · ${formatLink(p.url, p.title)} · *${escapeMrkdwn(p.outlet)}* · ${escapeMrkdwn(formatPublishedDate(p.date))}` }] });
  }
  return blocks;
}
