import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/index.js';

/** What Briefbot tells a user when something failed: short, and never the error itself. */
export const APOLOGY = 'Sorry, something went wrong while answering. Please try again in a moment.';

/** Where an apology can go: the payload's `response_url`, else the conversation (in the thread). */
const ReplyTargetSchema = z.union([
  z.object({ response_url: z.url() }),
  z.object({ event: z.object({ channel: z.string(), ts: z.string(), thread_ts: z.string().optional(), channel_type: z.string().optional() }) }),
]);

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'unknown';
}

/** What may be logged of an error: name, code, Slack's error word; never request data or tokens. */
function describeError(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; code?: unknown; data?: { error?: unknown }; statusCode?: unknown; original?: { code?: unknown } };
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    code: errorCode(error),
    slackError: typeof e.data?.error === 'string' ? e.data.error : undefined,
    statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    cause: typeof e.original?.code === 'string' ? e.original.code : undefined,
  };
}

/** A Web API failure (@slack/web-api's codes): the call failed, as opposed to our own code. */
function isWebApiFailure(error: unknown): boolean {
  return errorCode(error).startsWith('slack_webapi_');
}

/**
 * Bolt's one error handler: logs the failure with its code and tells the user, briefly, that it
 * failed. Apologising may fail too (Slack down): that is logged, never thrown. A failed Web API
 * call is reported to `webApiFailed` (a `response_url` post counts itself, in its fetch).
 */
export function createErrorHandler(logger: Logger, client: App['client'], fetchFn: typeof fetch = globalThis.fetch, webApiFailed: () => void = () => undefined) {
  return async ({ error, body, context }: { error: Error; body: unknown; context?: { botToken?: string | undefined } }): Promise<void> => {
    // With OAuth, an event from a workspace that never installed Briefbot (or uninstalled it) has no token to answer with.
    if (errorCode(error) === 'slack_bolt_authorization_error') {
      const team = (body as { team_id?: unknown; team?: { id?: unknown } } | undefined) ?? {};
      const teamId = typeof team.team_id === 'string' ? team.team_id : typeof team.team?.id === 'string' ? team.team.id : undefined;
      logger.warn({ event: 'slack_not_installed', platform: 'slack', team: teamId }, 'an event from a workspace without an installation was not answered (install it through /slack/install)');
      return;
    }
    logger.error({ event: 'slack_error', platform: 'slack', err: describeError(error) }, 'failed to answer on Slack');
    if (isWebApiFailure(error)) webApiFailed();
    const target = ReplyTargetSchema.safeParse(body);
    if (!target.success) return;
    try {
      if ('response_url' in target.data) {
        await fetchFn(target.data.response_url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: APOLOGY }),
        });
      } else {
        const { event } = target.data;
        const threadTs = event.channel_type === 'im' ? event.thread_ts : (event.thread_ts ?? event.ts);
        // With OAuth the app's client has no token of its own: the team's comes with the event.
        const token = context?.botToken;
        await client.chat.postMessage({ ...(token ? { token } : {}), channel: event.channel, text: APOLOGY, ...(threadTs === undefined ? {} : { thread_ts: threadTs }) });
      }
    } catch (apologyError) {
      if (isWebApiFailure(apologyError)) webApiFailed();
      logger.warn({ event: 'slack_apology_failed', platform: 'slack', err: describeError(apologyError) }, 'could not tell the user about the failure');
    }
  };
}
