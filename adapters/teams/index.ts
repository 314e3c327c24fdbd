import type { Briefbot, Logger, Metrics, PlatformWatches, QuoteLinks, RateLimiter, Route, WatchPoster } from '../../src/index.js';
import { createUnavailableWatchCommands } from '../../src/index.js';
import { createTeamsWatchPoster } from './teams-watch-poster.js';
import { BriefbotTeamsBot } from './briefbot-teams-bot.js';
import { loadTeamsSetup } from './teams-config.js';
import { createTeamsAdapter, createTeamsRoute, TEAMS_MESSAGES_PATH } from './teams-route.js';

/** What the shared server gives the Teams adapter. */
export interface TeamsPlatformOptions {
  env: Record<string, string | undefined>;
  briefbot: Briefbot;
  logger: Logger;
  /** The address the shared server listens on; undefined means every interface. Unauthenticated mode needs a loopback one. */
  host: string | undefined;
  /** Results per card (default 5). */
  pageSize?: number;
  /** Signed "In context" links, when a public URL is configured. */
  links?: QuoteLinks | null;
  /** Watch commands and the store the conversation references are kept in. */
  watches?: PlatformWatches;
  /** Questions per user. */
  limiter?: RateLimiter;
  /** With BRIEFBOT_TENANTS: the Briefbot answering a Teams (Entra) tenant; default `briefbot` for all. */
  briefbotFor?: (tenantId: string | undefined) => Briefbot;
  /** Counts failed Connector calls. */
  metrics?: Metrics;
  /** How long one Connector call may take (default 10 s). */
  connectorTimeoutMs?: number;
}

/** Teams on (its route and a start-up summary) or off with the reason: the shape of the server's `Platform`. */
export type TeamsPlatform = { name: 'teams'; routes: Route[]; summary: string; watchPoster: WatchPoster } | { name: 'teams'; disabledReason: string };

/**
 * Creates the Teams platform from the environment. Throws a `TeamsError` (TEAMS_CONFIG_INVALID)
 * when the configuration is half there; returns it off, with the reason, when Teams is not set up.
 */
export function createTeamsPlatform(options: TeamsPlatformOptions): TeamsPlatform {
  const logger = options.logger.child({ platform: 'teams' });
  const setup = loadTeamsSetup(options.env, options.host ?? 'every interface');
  if (setup.status === 'disabled') return { name: 'teams', disabledReason: setup.reason };
  if (setup.auth === 'none') {
    logger.warn(
      { event: 'teams_unauthenticated', host: options.host },
      '!!! TEAMS ENDPOINT IS UNAUTHENTICATED: any local process can post activities and make the bot send to any serviceUrl they name. For the Bot Framework Emulator and tests only; set TEAMS_APP_ID for real use. !!!',
    );
  }
  // Watches follow the process's own tenant: another tenant's conversations are told so, never given watches of the wrong corpus.
  const createBot = (briefbot: Briefbot) =>
    new BriefbotTeamsBot({
      briefbot,
      logger,
      links: options.links ?? null,
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      ...(options.watches ? { watches: briefbot === options.briefbot ? options.watches : { ...options.watches, commands: createUnavailableWatchCommands() } } : {}),
      ...(options.limiter ? { limiter: options.limiter } : {}),
    });
  // One bot per Briefbot: a turn is answered from its Teams tenant's corpus when several tenants are served.
  const bots = new Map<Briefbot, BriefbotTeamsBot>([[options.briefbot, createBot(options.briefbot)]]);
  const botFor = (tenantId: string | undefined): BriefbotTeamsBot => {
    const briefbot = options.briefbotFor?.(tenantId) ?? options.briefbot;
    let bot = bots.get(briefbot);
    if (!bot) bots.set(briefbot, (bot = createBot(briefbot)));
    return bot;
  };
  const adapter = createTeamsAdapter(setup, logger, {
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.connectorTimeoutMs !== undefined ? { timeoutMs: options.connectorTimeoutMs } : {}),
  });
  const appId = setup.auth === 'none' ? '' : setup.credentials.appId;
  const watchPoster = createTeamsWatchPoster({ adapter, appId, logger, links: options.links ?? null });
  const auth = setup.auth === 'none' ? 'UNAUTHENTICATED (loopback only)' : `Bot Framework tokens required, ${setup.credentials.appType}`;
  return { name: 'teams', routes: [createTeamsRoute(setup, botFor, logger, adapter)], summary: `POST ${TEAMS_MESSAGES_PATH}, ${auth}`, watchPoster };
}

export { TeamsError } from './teams-error.js';
export { TEAMS_MESSAGES_PATH } from './teams-route.js';
/** The Bot Framework activity type, for tests, so no file outside adapters/teams/ imports botbuilder. */
export type { Activity as TeamsActivity } from 'botbuilder';
