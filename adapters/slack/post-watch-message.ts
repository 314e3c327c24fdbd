import { webApi } from '@slack/bolt';
import type { PostOutcome, WatchPoster } from '../../src/index.js';
import { notInChannelMessage } from './check-membership.js';
import { renderWatchMessage } from './render-watch-message.js';

/** Slack's answers that trying again will not change, with what to tell the operator (empty: the user-facing "not in the channel"). */
const PERMANENT: Record<string, { code: Extract<PostOutcome, { ok: false }>['code']; message: string }> = {
  not_in_channel: { code: 'not_in_channel', message: '' },
  channel_not_found: { code: 'channel_not_found', message: '' },
  is_archived: { code: 'rejected', message: 'the channel is archived' },
  invalid_auth: { code: 'rejected', message: 'Slack rejected SLACK_BOT_TOKEN' },
  not_authed: { code: 'rejected', message: 'Slack rejected SLACK_BOT_TOKEN' },
  missing_scope: { code: 'rejected', message: 'the app lacks the chat:write scope' },
};

/** Posts watch messages with `chat.postMessage`; retries are the caller's (the client itself does not retry). */
export function createSlackWatchPoster(options: { token: string; apiUrl?: string; timeoutMs?: number }): WatchPoster {
  const client = new webApi.WebClient(options.token, {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    ...(options.apiUrl === undefined ? {} : { slackApiUrl: options.apiUrl }),
  });
  return {
    platform: 'slack',
    async post(message) {
      const rendered = renderWatchMessage(message);
      try {
        await client.chat.postMessage({ channel: message.target.channel, text: rendered.text, blocks: rendered.blocks, unfurl_links: false, unfurl_media: false });
        return { ok: true };
      } catch (error) {
        const slackError = (error as { data?: { error?: unknown } }).data?.error;
        const permanent = typeof slackError === 'string' ? PERMANENT[slackError] : undefined;
        // The bot is not in the channel (or cannot see it): said the way users read it in `watches`.
        if (permanent) return { ok: false, retry: false, code: permanent.code, message: permanent.message || notInChannelMessage(message.target.label) };
        return { ok: false, code: 'unavailable', retry: true, message: typeof slackError === 'string' ? `Slack answered ${slackError}` : 'Slack could not be reached' };
      }
    },
  };
}
