import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger, Metrics, Route } from '../../src/index.js';
import { BriefbotTeamsBot } from './briefbot-teams-bot.js';
import { toSdkAuthSettings, type TeamsSetup } from './teams-config.js';
import { codeOf } from './teams-error.js';
import { createResponseShim, readJsonBody, sendError } from './http-shim.js';
import { createConnectorHttpClient } from './connector-http-client.js';
import { checkActivity } from './activity-schema.js';

/** Where Teams (through the Azure Bot resource's messaging endpoint) posts activities. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

/** The only thing a user sees when a turn fails: never the error itself. */
const APOLOGY = 'Sorry, something went wrong while answering. Please try again in a moment.';

/** The Entra tenant an activity comes from: the conversation's, else Teams' channelData. */
function tenantIdOf(activity: TurnContext['activity']): string | undefined {
  const fromChannel = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannel === 'string' ? fromChannel : undefined);
}

/** How long one call to the Bot Connector (a reply, an apology, a proactive message) may take before it is abandoned. */
export const CONNECTOR_TIMEOUT_MS = 10_000;

/** The SDK adapter's knobs: the Connector call timeout, and where failed calls are counted. */
export interface TeamsAdapterOptions {
  timeoutMs?: number;
  metrics?: Metrics;
}

type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;

/** The `POST /api/messages` route: the HTTP body in, botbuilder's CloudAdapter and our bot behind it. */
export function createTeamsRoute(
  setup: Extract<TeamsSetup, { status: 'enabled' }>,
  /** The bot answering a turn, by the Teams tenant of its conversation. */
  botFor: (tenantId: string | undefined) => BriefbotTeamsBot,
  logger: Logger,
  adapter: CloudAdapter = createTeamsAdapter(setup, logger),
): Route {
  return {
    method: 'POST',
    platform: 'teams',
    path: TEAMS_MESSAGES_PATH,
    async handle(req, res) {
      const started = Date.now();
      const body = await readJsonBody(req);
      if (!body.ok) {
        if (body.status === 413) res.setHeader('connection', 'close');
        logger.warn({ event: 'teams_bad_request', status: body.status, reason: body.message });
        sendError(res, body.status, body.message);
        return;
      }
      const check = checkActivity(body.value);
      if (!check.ok) {
        logger.warn({ event: 'teams_bad_activity', status: 400, fields: check.fields.slice(0, 5) }, check.message);
        sendError(res, 400, check.message);
        return;
      }
      try {
        await adapter.process({ method: req.method, headers: req.headers, body: body.value }, createResponseShim(res), (context) => botFor(tenantIdOf(context.activity)).run(context));
      } catch (error) {
        logger.error({ event: 'teams_process_failed', code: codeOf(error), error: summariseError(error) });
        sendError(res, 500, 'internal error');
      }
      logger.debug({ event: 'teams_request', status: res.statusCode, durationMs: Date.now() - started });
    },
  };
}

/**
 * The SDK adapter: Bot Framework authentication from our settings, a deadline on every Connector
 * call, and an apology to the user when a turn fails.
 */
export function createTeamsAdapter(setup: Extract<TeamsSetup, { status: 'enabled' }>, logger: Logger, options: TeamsAdapterOptions = {}): CloudAdapter {
  const clientOptions: ConnectorClientOptions = { httpClient: createConnectorHttpClient(options.timeoutMs ?? CONNECTOR_TIMEOUT_MS) };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(toSdkAuthSettings(setup), undefined, undefined, undefined, clientOptions));
  const failed = (error: unknown) => {
    if (codeOf(error) === 'TEAMS_CONNECTOR_FAILED') options.metrics?.recordOutboundFailure('teams', 'connector');
  };
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const code = codeOf(error);
    failed(error);
    logger.error({ event: 'teams_turn_error', code, error: summariseError(error), activityType: context.activity.type });
    try {
      await context.sendActivity({ type: 'message', text: APOLOGY, textFormat: 'plain' });
    } catch (sendError) {
      failed(sendError);
      logger.warn({ event: 'teams_apology_failed', code: codeOf(sendError), error: summariseError(sendError) });
    }
  };
  return adapter;
}

/** What of an error goes to the logs: its kind and message, never its request (which holds the bearer token). */
function summariseError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error).slice(0, 300) };
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  return { name: error.name, message: error.message.slice(0, 300), ...(typeof statusCode === 'number' ? { statusCode } : {}) };
}
