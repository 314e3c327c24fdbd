import type { Result } from '../../src/index.js';
import { fitMessage } from './fit-message.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { renderResultBlocks, renderResultFallback } from './render-result.js';
import type { SlackMessage } from './slack-message.js';

/** Who pressed "Share": a Slack user id is shown as a mention, anything else as escaped text. */
export interface Sharer {
  id: string;
  name?: string;
}

function renderSharer(sharer: Sharer): string {
  if (/^[UW][A-Z0-9]{2,}$/.test(sharer.id)) return `<@${sharer.id}>`;
  return escapeMrkdwn(sharer.name ?? 'someone');
}

/** The visible message posted when someone shares one result in the channel. */
export function renderSharedResult(result: Result, sharer: Sharer): SlackMessage {
  const by = renderSharer(sharer);
  return fitMessage({
    text: `${by} shared: ${renderResultFallback(result)}`,
    blocks: [
      ...renderResultBlocks(result),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${by} from Briefbot` }] },
    ],
  });
}

/** The short note shown instead when the shared result is gone (the corpus changed since the answer). */
export function renderShareUnavailable(): SlackMessage {
  const text = 'That quote is no longer in the corpus, so it was not shared. Ask again to see the current results.';
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
