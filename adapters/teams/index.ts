import type { Briefbot, Logger, Route } from '../../src/index.js';
import { BriefbotTeamsBot } from './briefbot-teams-bot.js';
import { loadTeamsSetup } from './teams-config.js';
import { createTeamsRoute } from './teams-route.js';

/** What the composition root gives the Teams adapter. */
export interface TeamsAdapterOptions {
  env: Record<string, string | undefined>;
  briefbot: Briefbot;
  logger: Logger;
  /** The address the shared server listens on: unauthenticated mode needs a loopback one. */
  host: string;
  /** Results per card (default 5). */
  pageSize?: number;
}

/** The Teams routes to mount, or why Teams is off. */
export type TeamsAdapter =
  | { platform: 'teams'; status: 'enabled'; routes: Route[] }
  | { platform: 'teams'; status: 'disabled'; reason: string };

/**
 * Creates the Teams adapter from the environment. Throws a `TeamsError` (TEAMS_CONFIG_INVALID)
 * when the configuration is half there; returns `disabled` with a reason when Teams is not set up.
 */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const logger = options.logger.child({ platform: 'teams' });
  const setup = loadTeamsSetup(options.env, options.host);
  if (setup.status === 'disabled') return { platform: 'teams', status: 'disabled', reason: setup.reason };
  if (setup.auth === 'none') {
    logger.warn(
      { event: 'teams.unauthenticated', host: options.host },
      'TEAMS ENDPOINT IS UNAUTHENTICATED: any local process can post activities and make the bot send to any serviceUrl. For the Emulator and tests only; set TEAMS_APP_ID for real use.',
    );
  } else {
    logger.info({ event: 'teams.enabled', appType: setup.credentials.appType }, 'Teams endpoint requires Bot Framework tokens');
  }
  const bot = new BriefbotTeamsBot({ briefbot: options.briefbot, logger, ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}) });
  return { platform: 'teams', status: 'enabled', routes: [createTeamsRoute(setup, bot, logger)] };
}

export { TeamsError } from './teams-error.js';
export { TEAMS_MESSAGES_PATH } from './teams-route.js';
