import type { ServerResponse } from 'node:http';
import { App, HTTPReceiver, webApi, type AppOptions } from '@slack/bolt';
import { UNLIMITED, type TargetReach, type Briefbot, type InstallationRecords, type Logger, type WatchStore, type Metrics, type QuoteLinks, type RateLimiter, type Route, type WatchCommands, type WorkTracker } from '../../src/index.js';
import { createBoltLogger } from './bolt-logger.js';
import { checkMembership } from './check-membership.js';
import { MAX_SLACK_BODY_BYTES } from './check-slack-body.js';
import { createEventsRoute, createInstallRoutes, extractResponse, RESPONSE_KEY } from './create-events-route.js';
import { createEventDeduper, type EventDeduper } from './create-event-deduper.js';
import { createInstallationStore } from './create-installation-store.js';
import { createInstallCallbacks } from './install-pages.js';
import { createTeamHandlers } from './create-team-handlers.js';
import type { SlackChannelReference } from './post-watch-message.js';
import { REPORT_MODAL } from './report-modal.js';
import { createErrorHandler } from './handle-error.js';
import type { SlackConfig } from './slack-config.js';
import type { SlackDeps } from './slack-deps.js';
import { ACTION_IDS } from './slack-message.js';

/** Bolt's path for commands, events and interactivity. */
export const SLACK_EVENTS_PATH = '/slack/events';
/** With OAuth: the page that starts an install ("Add to Slack"), and where Slack sends the browser back. */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** Everything the Slack app is built from; tests pass a quick retry policy and a short deadline. */
export interface SlackAppOptions {
  config: SlackConfig;
  briefbot: Briefbot;
  logger: Logger;
  /** The bot's ids when known (from the config or an `auth.test` at start); else Bolt looks them up on first use. */
  identity?: { botId: string; botUserId: string };
  /** Web API retry policy (node-retry options); the default retries for a few minutes. */
  retryConfig?: NonNullable<AppOptions['clientOptions']>['retryConfig'];
  pageSize?: number;
  ackDeadlineMs?: number;
  /** Signed "In context" links, when a public URL is configured. */
  links?: QuoteLinks | null;
  /** The largest request body read (default 1 MB); larger ones get 413. */
  maxBodyBytes?: number;
  /** `watch …`, `watches`, `unwatch N`. */
  watches?: WatchCommands | null;
  /** Which events were answered already; default in this process only (replicas share one in PostgreSQL). */
  deduper?: EventDeduper;
  /** How long one outbound call (Web API, response_url) may take before it is abandoned (default 10 s). */
  timeoutMs?: number;
  /** Counts each event's handling until its answer is delivered, so a shutdown can wait for it. */
  work?: WorkTracker;
  /** Questions per user; default: no limit. */
  limiter?: RateLimiter;
  /** With several tenants (BRIEFBOT_TENANTS): the Briefbot answering a Slack team; default `briefbot` for all. */
  briefbotFor?: (teamId: string | undefined) => Briefbot;
  /** Counts failed outbound calls (`briefbot_outbound_failures_total`). */
  metrics?: Metrics;
  /** The clock (milliseconds) request timestamps are checked against; default `Date.now`. */
  now?: () => number;
  /** With OAuth and watches: where each channel's workspace is kept, so watch posts use its token. */
  channelReferences?: Pick<WatchStore, 'saveReference'>;
  /** Where OAuth installs are kept (required in `oauth` mode): PostgreSQL for replicas, else a SQLite file. */
  installations?: InstallationRecords;
}

/** A built Slack app: its HTTP routes (none in Socket Mode) and how to start and stop it. */
export interface SlackApp {
  app: App;
  routes: Route[];
  /** Connects in Socket Mode; nothing to do in HTTP mode, where the shared server brings the requests. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The membership check of watches: its own client, one try and a short timeout, so a slow Slack
 * makes it "cannot tell" (the first failed post says so) instead of holding up the reply.
 */
function createMembershipCheck(config: SlackConfig, timeoutMs = 2000) {
  // Many workspaces: each request's own bot token asks, none without one.
  const oauth = config.mode === 'oauth';
  const client = new webApi.WebClient(oauth ? undefined : config.botToken, {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: Math.min(timeoutMs, 2000),
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
  });
  return async (channel: string, label: string, token?: string): Promise<TargetReach> =>
    oauth && token === undefined ? { kind: 'unknown' } : checkMembership(client, channel, label, oauth ? token : undefined);
}

/**
 * `fetch` that gives up after `ms` unless the caller passed its own signal (the Web API client
 * does), and reports each call that threw or was answered with a 5xx.
 */
function fetchWithTimeout(ms: number, failed: () => void = () => undefined): typeof fetch {
  return async (input, init) => {
    try {
      const response = await fetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(ms) });
      if (response.status >= 500) failed();
      return response;
    } catch (error) {
      failed();
      throw error;
    }
  };
}

const DEFAULT_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000, randomize: true };

/** The channel a command or event comes from. */
function channelIdOf(body: unknown): string | undefined {
  const b = body as { channel_id?: unknown; event?: { channel?: unknown } } | undefined;
  if (typeof b?.channel_id === 'string') return b.channel_id;
  return typeof b?.event?.channel === 'string' ? b.event.channel : undefined;
}

/**
 * With OAuth, a watch's posts need the token of its channel's workspace: the first request from
 * each channel (in this process) records that workspace beside the channel's watches.
 */
function rememberChannels(app: App, references: Pick<WatchStore, 'saveReference'>, logger: Logger): void {
  const known = new Set<string>();
  app.use(async ({ body, context, next }) => {
    const channel = channelIdOf(body);
    if (channel !== undefined && !known.has(channel) && (context.teamId !== undefined || context.enterpriseId !== undefined)) {
      const reference: SlackChannelReference = {
        ...(context.teamId === undefined ? {} : { teamId: context.teamId }),
        ...(context.enterpriseId === undefined ? {} : { enterpriseId: context.enterpriseId }),
        isEnterpriseInstall: context.isEnterpriseInstall === true,
      };
      try {
        await references.saveReference('slack', channel, reference);
        known.add(channel);
      } catch (error) {
        logger.warn({ event: 'slack_channel_reference_failed', platform: 'slack', code: (error as { code?: string }).code }, 'could not record the workspace of a channel; its watches may not post');
      }
    }
    await next();
  });
}

/** Builds the Bolt app: listeners for `/brief`, mentions, direct messages and the two buttons, and one error handler. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config } = options;
  const { logger } = options;
  const boltLogger = createBoltLogger(options.logger);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const outboundFailed = (call: string) => () => options.metrics?.recordOutboundFailure('slack', call);
  const respondFetch = fetchWithTimeout(timeoutMs, outboundFailed('response_url'));
  const clientOptions = {
    retryConfig: options.retryConfig ?? DEFAULT_RETRY,
    timeout: timeoutMs,
    // Bolt's respond() (response_url) uses this fetch too: it gets the same deadline.
    fetch: respondFetch,
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
  };
  const common = {
    // With OAuth, Bolt takes each team's token from the installation store instead.
    ...(config.mode === 'oauth' ? {} : { token: config.botToken }),
    ...(options.identity ?? {}),
    logger: boltLogger,
    clientOptions,
    convoStore: false as const,
    extendedErrorHandler: true,
    // auth.test, when the ids are unknown, waits for the first event instead of running unobserved at start.
    tokenVerificationEnabled: false,
  };
  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (config.mode === 'http') {
    receiver = new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: SLACK_EVENTS_PATH, logger: boltLogger, customPropertiesExtractor: extractResponse });
    app = new App({ ...common, receiver });
  } else if (config.mode === 'oauth') {
    if (options.installations === undefined) throw new Error('createSlackApp: OAuth mode needs an installation store');
    const { success, failure } = createInstallCallbacks(logger);
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: boltLogger,
      customPropertiesExtractor: extractResponse,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      stateSecret: config.stateSecret,
      scopes: config.scopes,
      ...(config.redirectUri === undefined ? {} : { redirectUri: config.redirectUri }),
      installationStore: createInstallationStore(options.installations, logger),
      installerOptions: {
        installPath: SLACK_INSTALL_PATH,
        redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
        // The install page shows an "Add to Slack" button: the state cookie is set when it loads.
        directInstall: false,
        clientOptions: { timeout: timeoutMs, ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }) },
        callbackOptions: { success, failure },
      },
    });
    app = new App({ ...common, receiver });
  } else {
    app = new App({ ...common, socketMode: true, appToken: config.appToken });
  }

  const deps: SlackDeps = {
    briefbot: options.briefbot,
    logger,
    deduper: options.deduper ?? createEventDeduper(),
    pageSize: options.pageSize ?? 5,
    ackDeadlineMs: options.ackDeadlineMs ?? 2500,
    links: options.links ?? null,
    watches: options.watches ?? null,
    membership: options.watches ? createMembershipCheck(config, options.timeoutMs) : null,
    limiter: options.limiter ?? UNLIMITED,
  };

  // A payload no listener acknowledged (an action, shortcut, view or options request Briefbot does
  // not handle) is acknowledged once the listeners are done, so Slack is not held 3 s for a 404.
  app.use(async (args) => {
    await args.next();
    const ack = (args as { ack?: () => Promise<void> }).ack;
    const res = (args.context as Record<string, unknown>)[RESPONSE_KEY] as ServerResponse | undefined;
    if (ack !== undefined && res !== undefined && !res.headersSent) await ack();
  });

  // A shutdown waits for every event's handling, answer delivered, not just for the HTTP ack.
  if (options.work) {
    const work = options.work;
    app.use(async ({ next }) => {
      const end = work.begin();
      try {
        await next();
      } finally {
        end();
      }
    });
  }

  // Slack redelivers an event it thinks was missed (X-Slack-Retry-Num, Socket Mode retry_attempt): answer each event id once.
  app.use(async ({ body, context, next }) => {
    const { event_id: eventId, team_id: teamId } = body as { event_id?: unknown; team_id?: unknown };
    // The in-process deduper answers at once; a shared one (PostgreSQL) is awaited.
    const seen = typeof eventId === 'string' ? deps.deduper.isRepeat(`${typeof teamId === 'string' ? teamId : '-'}:${eventId}`) : false;
    if (typeof seen === 'boolean' ? seen : await seen) {
      logger.info({ event: 'slack_redelivery_dropped', platform: 'slack', retryNum: context.retryNum, retryReason: context.retryReason }, 'event already answered');
      return;
    }
    await next();
  });
  if (config.mode === 'oauth' && options.channelReferences) rememberChannels(app, options.channelReferences, logger);
  // Each request is answered from its workspace's corpus when several tenants are served.
  const handlersFor = createTeamHandlers(deps, options.briefbotFor);
  app.command(/.*/, (args) => handlersFor(args.body).command(args));
  app.event('app_mention', (args) => handlersFor(args.body).mention(args));
  app.message((args) => handlersFor(args.body).directMessage(args));
  app.action(new RegExp(`^${ACTION_IDS.share}(_\\d+)?$`), (args) => handlersFor(args.body).share(args));
  app.action(ACTION_IDS.more, (args) => handlersFor(args.body).more(args));
  app.action(new RegExp(`^${ACTION_IDS.cite}_\\d+$`), (args) => handlersFor(args.body).cite(args));
  app.action(new RegExp(`^${ACTION_IDS.report}_\\d+$`), (args) => handlersFor(args.body).report(args));
  app.action(new RegExp(`^${ACTION_IDS.context}_\\d+$`), async ({ ack }) => ack());
  app.view(REPORT_MODAL.callbackId, (args) => handlersFor(args.body).reportSubmission(args));
  app.error(createErrorHandler(logger, app.client, respondFetch, outboundFailed('web_api')));

  return {
    app,
    routes:
      receiver === undefined
        ? []
        : [createEventsRoute(receiver, logger, options.maxBodyBytes ?? MAX_SLACK_BODY_BYTES, config.mode === 'socket' ? '' : config.signingSecret, options.now ?? Date.now), ...(config.mode === 'oauth' ? createInstallRoutes(receiver, logger) : [])],
    async start() {
      if (config.mode === 'socket') await app.start();
    },
    async stop() {
      if (config.mode === 'socket') await app.stop();
    },
  };
}
