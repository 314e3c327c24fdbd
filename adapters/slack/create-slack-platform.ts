import { webApi } from '@slack/bolt';
import { createInstallationStore } from './create-installation-store.js';
import { createSlackOAuthWatchPoster, createSlackWatchPoster } from './post-watch-message.js';
import type { Briefbot, InstallationRecords, Logger, Metrics, PlatformWatches, QuoteLinks, RateLimiter, Route, SharedState, WatchPoster, WorkTracker } from '../../src/index.js';
import { createSharedEventDeduper } from './create-event-deduper.js';
import { createSlackApp, SLACK_EVENTS_PATH, SLACK_INSTALL_PATH, type SlackAppOptions } from './create-slack-app.js';
import { parseSlackConfig, type SlackConfig } from './slack-config.js';

/** What the shared server gives the Slack adapter (the server's `PlatformContext`). */
export interface SlackPlatformContext {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  briefbot: Briefbot;
  links?: QuoteLinks | null;
  watches?: PlatformWatches;
  /** State shared with other replicas, when configured: Slack events are then answered once across them. */
  shared?: SharedState;
  work?: WorkTracker;
  limiter?: RateLimiter;
  metrics?: Metrics;
  /** Where OAuth installs are kept when there is no shared store (a SQLite file beside the corpus). */
  installations?: InstallationRecords;
  /** With BRIEFBOT_TENANTS: the Briefbot answering a Slack team. */
  briefbotFor?: (teamId: string | undefined) => Briefbot;
}

/** Slack on (its routes, a start-up summary, Socket Mode's start and stop) or off with the reason. */
export type SlackPlatform =
  | { name: 'slack'; routes: Route[]; summary: string; watchPoster?: WatchPoster; start(): Promise<void>; stop(): Promise<void> }
  | { name: 'slack'; disabledReason: string };

/** Extra knobs for tests: a quick Web API retry policy, a short ack deadline. */
export type SlackPlatformOverrides = Pick<SlackAppOptions, 'retryConfig' | 'ackDeadlineMs' | 'pageSize' | 'maxBodyBytes' | 'timeoutMs' | 'now'>;

type Identity = { kind: 'known'; botId: string; botUserId: string } | { kind: 'unknown' } | { kind: 'rejected'; reason: string };

/** The bot's ids: from the config, else one `auth.test` (which also checks the token before users find out). */
async function resolveIdentity(config: Exclude<SlackConfig, { mode: 'oauth' }>): Promise<Identity> {
  if (config.botId !== undefined && config.botUserId !== undefined) return { kind: 'known', botId: config.botId, botUserId: config.botUserId };
  const client = new webApi.WebClient(config.botToken, {
    retryConfig: { retries: 0 },
    timeout: 10_000,
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
  });
  try {
    const result = await client.auth.test();
    if (typeof result.bot_id === 'string' && typeof result.user_id === 'string') {
      return { kind: 'known', botId: result.bot_id, botUserId: result.user_id };
    }
    return { kind: 'unknown' };
  } catch (error) {
    const slackError = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof slackError === 'string') {
      return { kind: 'rejected', reason: `Slack rejected SLACK_BOT_TOKEN (${slackError}): copy the Bot User OAuth Token from your app’s OAuth & Permissions page` };
    }
    // Slack unreachable for now: Bolt will look the ids up on the first event instead.
    return { kind: 'unknown' };
  }
}

/** What every mode takes from the server: the shared deduper, the work tracker, the rate limiter. */
function sharedOptions(context: SlackPlatformContext): Partial<SlackAppOptions> {
  return {
    ...(context.shared ? { deduper: createSharedEventDeduper(context.shared.seenEvents) } : {}),
    ...(context.work ? { work: context.work } : {}),
    ...(context.limiter ? { limiter: context.limiter } : {}),
    ...(context.briefbotFor ? { briefbotFor: context.briefbotFor } : {}),
    ...(context.metrics ? { metrics: context.metrics } : {}),
  };
}

/** What every Slack app of the server takes from its context: the engine, logger, links, watches and shared state. */
function appOptions(context: SlackPlatformContext) {
  return { briefbot: context.briefbot, logger: context.logger, links: context.links ?? null, watches: context.watches?.commands ?? null, ...sharedOptions(context) };
}

/** Many workspaces: each installed through `/slack/install`, its token kept in the shared store (or the SQLite file). */
function createOAuthPlatform(context: SlackPlatformContext, config: Extract<SlackConfig, { mode: 'oauth' }>, overrides: SlackPlatformOverrides): SlackPlatform {
  const installations = context.shared?.installations ?? context.installations;
  if (installations === undefined) return { name: 'slack', disabledReason: 'installs in many workspaces need an installation store (BRIEFBOT_STORE=postgres, or the corpus folder writable)' };
  const slack = createSlackApp({
    config,
    ...appOptions(context),
    ...(context.watches ? { channelReferences: context.watches.store } : {}),
    installations,
    ...overrides,
  });
  return {
    name: 'slack',
    routes: slack.routes,
    summary: `HTTP mode, POST ${SLACK_EVENTS_PATH}; installs in many workspaces at GET ${SLACK_INSTALL_PATH}${context.shared ? ' (kept in PostgreSQL)' : ''}`,
    // Each watch posts with the token of its channel's workspace.
    watchPoster: createSlackOAuthWatchPoster({ installations: createInstallationStore(installations, context.logger), ...(config.apiUrl === undefined ? {} : { apiUrl: config.apiUrl }) }),
    start: () => slack.start(),
    stop: () => slack.stop(),
  };
}

/** The Slack platform for the shared server: on with its route when configured, else off with the reason. */
export async function createSlackPlatform(context: SlackPlatformContext, overrides: SlackPlatformOverrides = {}): Promise<SlackPlatform> {
  const parsed = parseSlackConfig(context.env);
  if (parsed.kind !== 'enabled') return { name: 'slack', disabledReason: parsed.reason };
  const { config } = parsed;
  if (config.mode === 'oauth') return createOAuthPlatform(context, config, overrides);
  const identity = await resolveIdentity(config);
  if (identity.kind === 'rejected') return { name: 'slack', disabledReason: identity.reason };
  if (identity.kind === 'unknown') {
    context.logger.warn({ event: 'slack_auth_test_skipped', platform: 'slack' }, 'could not reach Slack to check the bot token; will retry on the first event');
  }
  const slack = createSlackApp({
    config,
    ...appOptions(context),
    ...(identity.kind === 'known' ? { identity: { botId: identity.botId, botUserId: identity.botUserId } } : {}),
    ...overrides,
  });
  return {
    name: 'slack',
    routes: slack.routes,
    summary: config.mode === 'http' ? `HTTP mode, POST ${SLACK_EVENTS_PATH}` : 'Socket Mode',
    watchPoster: createSlackWatchPoster({ token: config.botToken, ...(config.apiUrl === undefined ? {} : { apiUrl: config.apiUrl }) }),
    start: () => slack.start(),
    stop: () => slack.stop(),
  };
}
