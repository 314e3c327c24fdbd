import type { App } from '@slack/bolt';
import type { Logger } from '../../src/index.js';
import type { SlackMessage } from './slack-message.js';

/** Slack's answers when it refuses the blocks themselves: the text alone can still go out. */
const BLOCK_ERRORS = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'msg_blocks_too_long']);

/** Where a visible answer goes: a conversation, in a thread when `threadTs` is set. */
export interface PostTarget {
  channel: string;
  threadTs?: string;
}

/**
 * Posts a rendered answer with `chat.postMessage` (never with `link_names` or `parse`). Should Slack
 * refuse the blocks, the plain text is posted instead, so an answer is never lost to formatting.
 */
export async function postMessage(client: App['client'], target: PostTarget, message: SlackMessage, logger: Logger): Promise<void> {
  const base = {
    channel: target.channel,
    ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
    unfurl_links: false,
    unfurl_media: false,
  };
  try {
    await client.chat.postMessage({ ...base, text: message.text, blocks: message.blocks });
  } catch (error) {
    const slackError = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof slackError !== 'string' || !BLOCK_ERRORS.has(slackError)) throw error;
    logger.warn({ event: 'slack_blocks_refused', platform: 'slack', slackError }, 'Slack refused the blocks; posting the text alone');
    await client.chat.postMessage({ ...base, text: message.text });
  }
}
