import { webApi, type InstallationQuery, type InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import type { PostOutcome, WatchMessage, WatchPoster } from '../../src/index.js';
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

type WebClient = InstanceType<typeof webApi.WebClient>;

function createClient(token: string | undefined, options: { apiUrl?: string; timeoutMs?: number }): WebClient {
  return new webApi.WebClient(token, {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    ...(options.apiUrl === undefined ? {} : { slackApiUrl: options.apiUrl }),
  });
}

/** One `chat.postMessage` of a watch message, with Slack's refusals sorted into retry or not. */
async function postWatch(client: WebClient, message: WatchMessage, token?: string): Promise<PostOutcome> {
  const rendered = renderWatchMessage(message);
  try {
    await client.chat.postMessage({ ...(token ? { token } : {}), channel: message.target.channel, text: rendered.text, blocks: rendered.blocks, unfurl_links: false, unfurl_media: false });
    return { ok: true };
  } catch (error) {
    const slackError = (error as { data?: { error?: unknown } }).data?.error;
    const permanent = typeof slackError === 'string' ? PERMANENT[slackError] : undefined;
    // The bot is not in the channel (or cannot see it): said the way users read it in `watches`.
    if (permanent) return { ok: false, retry: false, code: permanent.code, message: permanent.message || notInChannelMessage(message.target.label) };
    return { ok: false, code: 'unavailable', retry: true, message: typeof slackError === 'string' ? `Slack answered ${slackError}` : 'Slack could not be reached' };
  }
}

/** Posts watch messages with `chat.postMessage`; retries are the caller's (the client itself does not retry). */
export function createSlackWatchPoster(options: { token: string; apiUrl?: string; timeoutMs?: number }): WatchPoster {
  const client = createClient(options.token, options);
  return { platform: 'slack', post: (message) => postWatch(client, message) };
}

/** What the Slack adapter keeps of a channel for watches with OAuth: the workspace whose token posts there. */
export const SlackChannelReferenceSchema = z.object({ teamId: z.string().optional(), enterpriseId: z.string().optional(), isEnterpriseInstall: z.boolean() });
export type SlackChannelReference = z.infer<typeof SlackChannelReferenceSchema>;

/**
 * With OAuth: posts each watch message with the bot token of the channel's workspace, found
 * through the channel's stored reference and the installation store.
 */
export function createSlackOAuthWatchPoster(options: { installations: InstallationStore; apiUrl?: string; timeoutMs?: number }): WatchPoster {
  const client = createClient(undefined, options);
  return {
    platform: 'slack',
    async post(message) {
      const reference = SlackChannelReferenceSchema.safeParse(message.reference);
      if (!reference.success) return { ok: false, code: 'no_reference', retry: false, message: `the workspace of ${message.target.label} is not known yet: ask Briefbot anything there once` };
      let token: string | undefined;
      try {
        const { teamId, enterpriseId, isEnterpriseInstall } = reference.data;
        token = (await options.installations.fetchInstallation({ teamId, enterpriseId, isEnterpriseInstall } as InstallationQuery<boolean>)).bot?.token;
      } catch (error) {
        // Not installed (or uninstalled) will not change by trying again; a store that failed might.
        if ((error as { code?: unknown }).code === 'slack_auth_failed') return { ok: false, code: 'rejected', retry: false, message: 'Briefbot is no longer installed in that workspace: install it again through /slack/install' };
        return { ok: false, code: 'unavailable', retry: true, message: 'the workspace’s installation could not be read' };
      }
      if (token === undefined) return { ok: false, code: 'rejected', retry: false, message: 'the workspace’s installation has no bot token: install it again through /slack/install' };
      return postWatch(client, message, token);
    },
  };
}
