import type { AddressInfo } from 'node:net';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import nock from 'nock';
import { createTeamsPlatform, type TeamsPlatformOptions } from '../../../adapters/teams/index.js';
import { createSilentLogger, type Briefbot, type Logger, type RateLimiter } from '../../../src/index.js';
import { createHttpServer } from '../../../src/server/create-http-server.js';

/** A loopback server with the Teams route on it, as `briefbot serve` mounts it. */
export interface TeamsTestServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the shared HTTP server on 127.0.0.1 with only the Teams platform, unauthenticated unless `env` says otherwise. */
export async function startTeamsServer(
  briefbot: Briefbot,
  env: Record<string, string | undefined> = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' },
  logger: Logger = createSilentLogger(),
  limiter?: RateLimiter,
  extra: Partial<Pick<TeamsPlatformOptions, 'metrics' | 'connectorTimeoutMs'>> = {},
): Promise<TeamsTestServer> {
  const platform = createTeamsPlatform({ env, briefbot, logger, host: '127.0.0.1', ...(limiter ? { limiter } : {}), ...extra });
  if (!('routes' in platform)) throw new Error(`Teams is off: ${platform.disabledReason}`);
  const server = createHttpServer({ routes: platform.routes, logger, health: () => ({ status: 'ready', platforms: { teams: true } }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Posts `activity` to the server's /api/messages as the Bot Connector would. */
export function postActivity(server: TeamsTestServer, activity: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
}

/**
 * The path the bot replies to: the conversation id is URL-encoded, and so is the id of the activity
 * replied to. An activity without an id (the docs payload) gets a new message in the conversation.
 */
export function replyPath(activity: Partial<Activity>): string {
  const base = new URL(activity.serviceUrl ?? '').pathname.replace(/\/$/, '');
  const conversation = `${base}/v3/conversations/${encodeURIComponent(activity.conversation?.id ?? '')}/activities`;
  return activity.id ? `${conversation}/${encodeURIComponent(activity.id)}` : conversation;
}

/**
 * A Bot Connector stand-in at the activity's serviceUrl expecting `times` replies answered with
 * `status`; what the bot sent lands in `sent`.
 */
export function expectReply(activity: Partial<Activity>, sent: Array<Partial<Activity>>, status = 200, times = 1): nock.Scope {
  return nock(new URL(activity.serviceUrl ?? '').origin)
    .post(replyPath(activity), (body: Partial<Activity>) => {
      sent.push(body);
      return true;
    })
    .times(times)
    .reply(status, status < 300 ? { id: `reply-${sent.length}` } : { error: { code: 'ServiceError', message: 'boom' } });
}

/** The Adaptive Card a reply carries. */
export function cardOf(reply: Partial<Activity> | undefined): Record<string, unknown> {
  const attachment = reply?.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('the reply carries no Adaptive Card');
  return attachment.content as Record<string, unknown>;
}

/** Every TextBlock text of a card, depth first. */
export function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { type?: unknown }).type === 'TextBlock' ? [String((node as { text?: unknown }).text)] : [];
  return [...own, ...Object.values(node).flatMap(cardTexts)];
}

/** Every action of a given type in a card, depth first. */
export function cardActions(node: unknown, type: string): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap((n) => cardActions(n, type));
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { type?: unknown }).type === type ? [node as Record<string, unknown>] : [];
  return [...own, ...Object.values(node).flatMap((n) => cardActions(n, type))];
}
