import type { QuoteLinks, Result } from '../../src/index.js';
import { ACTION_IDS, type SlackBlock } from './slack-message.js';

/** Slack refuses link buttons with longer addresses. */
const URL_LIMIT = 3000;

/**
 * The row under each result: "In context" (a signed link to the quote in its article, when a
 * public URL is configured), "Copy citation" and "Wrong speaker?". The two buttons carry the
 * statement id only; the answer is looked up again when pressed.
 */
export function renderResultActions(result: Result, index: number, links: QuoteLinks | null): Extract<SlackBlock, { type: 'actions' }> {
  const value = JSON.stringify({ id: result.id });
  const elements: Extract<SlackBlock, { type: 'actions' }>['elements'] = [];
  const url = links?.linkFor(result.id);
  if (url !== undefined && url.length <= URL_LIMIT) {
    elements.push({ type: 'button', action_id: `${ACTION_IDS.context}_${index}`, text: { type: 'plain_text', text: 'In context' }, url });
  }
  if (value.length <= 2000) {
    elements.push({ type: 'button', action_id: `${ACTION_IDS.cite}_${index}`, text: { type: 'plain_text', text: 'Copy citation' }, value });
    elements.push({ type: 'button', action_id: `${ACTION_IDS.report}_${index}`, text: { type: 'plain_text', text: 'Wrong speaker?' }, value });
  }
  return { type: 'actions', elements };
}
