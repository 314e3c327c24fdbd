import { createUnavailableWatchCommands, type Briefbot } from '../../src/index.js';
import { createMoreHandler, createShareHandler } from './handle-actions.js';
import { createCommandHandler } from './handle-command.js';
import { createDirectMessageHandler, createMentionHandler } from './handle-message.js';
import { createCiteHandler, createReportHandler, createReportSubmissionHandler } from './handle-result-actions.js';
import type { SlackDeps } from './slack-deps.js';

function createHandlers(deps: SlackDeps) {
  return {
    command: createCommandHandler(deps),
    mention: createMentionHandler(deps),
    directMessage: createDirectMessageHandler(deps),
    share: createShareHandler(deps),
    more: createMoreHandler(deps),
    cite: createCiteHandler(deps),
    report: createReportHandler(deps),
    reportSubmission: createReportSubmissionHandler(deps),
  };
}

/** Every listener of the app, built on one Briefbot. */
export type SlackHandlers = ReturnType<typeof createHandlers>;

/** The workspace a request comes from: `team_id` of commands and events, `team.id` of buttons and modals. */
export function teamIdOf(body: unknown): string | undefined {
  const b = body as { team_id?: unknown; team?: { id?: unknown } | null; user?: { team_id?: unknown } } | undefined;
  if (typeof b?.team_id === 'string') return b.team_id;
  if (typeof b?.team?.id === 'string') return b.team.id;
  return typeof b?.user?.team_id === 'string' ? b.user.team_id : undefined;
}

/**
 * The listeners answering a request: built on the Briefbot of its workspace when several tenants
 * are served (BRIEFBOT_TENANTS), else on the one Briefbot. Built once per Briefbot.
 */
export function createTeamHandlers(deps: SlackDeps, briefbotFor?: (teamId: string | undefined) => Briefbot): (body: unknown) => SlackHandlers {
  const built = new Map<Briefbot, SlackHandlers>([[deps.briefbot, createHandlers(deps)]]);
  return (body) => {
    const briefbot = briefbotFor?.(teamIdOf(body)) ?? deps.briefbot;
    let handlers = built.get(briefbot);
    // Watches follow the process's own tenant: another tenant's workspace is told so, never given watches of the wrong corpus.
    if (!handlers) built.set(briefbot, (handlers = createHandlers({ ...deps, briefbot, watches: deps.watches ? createUnavailableWatchCommands() : null })));
    return handlers;
  };
}
