import { describeWatch, type Result, type WatchMessage, type WatchReply } from '../../src/index.js';
import { fitMessage } from './fit-message.js';
import { formatPublishedDate } from './format-date.js';
import { escapeMrkdwn, formatLink, truncatePlain } from './mrkdwn.js';
import { renderResultFallback, renderStatementText } from './render-result.js';
import { LIMITS, type SlackBlock, type SlackMessage } from './slack-message.js';

/** Every outlet that reported the quote, each with its headline link and date. */
function renderSources(result: Result): string {
  return result.sources.map((s) => `*${escapeMrkdwn(s.outlet)}* · ${formatLink(s.url, s.title)} · ${escapeMrkdwn(formatPublishedDate(s.date))}`).join('\n');
}

/**
 * A watch's new quote (or a digest of several) for `chat.postMessage`: what was watched, the
 * quote with its speaker, and every outlet with headline, date and link.
 */
export function renderWatchMessage(message: WatchMessage): SlackMessage {
  const blocks: SlackBlock[] = [];
  const count = message.items.length;
  const first = message.items[0]!.watch;
  const title = message.daily
    ? `Daily digest: ${count} new ${count === 1 ? 'quote' : 'quotes'}, ${describeWatch(first.interpretation)}`
    : message.digest
      ? `${count} new quotes for this channel’s watches`
      : `New quote: ${describeWatch(first.interpretation)}`;
  blocks.push({ type: 'header', text: { type: 'plain_text', text: truncatePlain(title, LIMITS.headerText) } });
  for (const { watch, result } of message.items) {
    if (message.digest && !message.daily) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Watch: ${escapeMrkdwn(describeWatch(watch.interpretation))}` }] });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: renderStatementText(result) } });
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: renderSources(result).slice(0, LIMITS.contextText) }] });
    if (message.digest) blocks.push({ type: 'divider' });
  }
  const text = message.digest ? title : renderResultFallback(message.items[0]!.result);
  return fitMessage({ text: text.slice(0, LIMITS.fallbackText), blocks });
}

/** The reply to `watch …`, `watches` or `unwatch N`: the core's sentence, escaped, as one section. */
export function renderWatchReply(reply: WatchReply): SlackMessage {
  const text = escapeMrkdwn(reply.text).slice(0, LIMITS.sectionText);
  return { text: text.slice(0, LIMITS.fallbackText), blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
