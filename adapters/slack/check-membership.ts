import type { webApi } from '@slack/bolt';
import type { TargetReach } from '../../src/index.js';

/** What users are told when the bot is not in the channel a watch posts to. */
export function notInChannelMessage(label: string): string {
  return `I'm not in ${label}: invite me with /invite @Briefbot so I can post new quotes`;
}

/**
 * Asks Slack whether the bot is in the channel (`conversations.info`, its `is_member`), never by
 * posting; `token` is the workspace's own with OAuth installs. Without the `channels:read` scope (or `groups:read` for a private channel) it cannot tell: then the first
 * failed post says so instead. A channel Slack will not show the bot is one it is not in.
 */
export async function checkMembership(client: webApi.WebClient, channel: string, label: string, token?: string): Promise<TargetReach> {
  try {
    const info = await client.conversations.info({ channel, ...(token === undefined ? {} : { token }) });
    const member = (info.channel as { is_member?: unknown; is_im?: unknown } | undefined) ?? {};
    if (member.is_im === true) return { kind: 'member' };
    if (typeof member.is_member !== 'boolean') return { kind: 'unknown' };
    return member.is_member ? { kind: 'member' } : { kind: 'not_member', code: 'not_in_channel', message: notInChannelMessage(label) };
  } catch (error) {
    const code = (error as { data?: { error?: unknown } }).data?.error;
    if (code === 'channel_not_found') return { kind: 'not_member', code: 'channel_not_found', message: notInChannelMessage(label) };
    // missing_scope, a timeout, Slack unreachable: no answer, so nothing is claimed.
    return { kind: 'unknown' };
  }
}
