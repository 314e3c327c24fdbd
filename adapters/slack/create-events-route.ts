import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidSlackRequest, type HTTPReceiver } from '@slack/bolt';
import { readRawBody, type Logger, type Route } from '../../src/index.js';
import { checkSlackBody, isDispatchedBySlackApp } from './check-slack-body.js';
import { SLACK_EVENTS_PATH, SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from './create-slack-app.js';

function sendJsonError(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** How far a request's timestamp may be from our clock, either way (Slack's rule, in seconds). */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Where an HTTP request's response is kept for the listeners (Bolt's custom properties reach `context`). */
export const RESPONSE_KEY = 'briefbotHttpResponse';

/** Bolt's custom properties of a request: the response our route keeps on it (see `RESPONSE_KEY`). */
export function extractResponse(req: IncomingMessage): Record<string, unknown> {
  const res = (req as IncomingMessage & { [RESPONSE_KEY]?: ServerResponse })[RESPONSE_KEY];
  return res === undefined ? {} : { [RESPONSE_KEY]: res };
}

/**
 * `POST /slack/events`: the body is read here (capped, 413 beyond) and checked with zod before
 * Bolt sees it (400 for a body Bolt cannot read, signed or not); a timestamp more than 5 minutes
 * ahead of our clock is refused (401) like a stale one (which Bolt refuses); a signed body Bolt
 * would not dispatch to any listener is acknowledged at once (200) instead of held 3 s and
 * answered 404. Bolt then verifies the signature on the bytes read, which it takes from `rawBody`.
 */
export function createEventsRoute(receiver: HTTPReceiver, logger: Logger, maxBodyBytes: number, signingSecret: string, now: () => number): Route {
  return {
    method: 'POST',
    platform: 'slack',
    path: SLACK_EVENTS_PATH,
    async handle(req: IncomingMessage, res: ServerResponse) {
      const body = await readRawBody(req, maxBodyBytes);
      if (!body.ok) {
        logger.warn({ event: 'slack_body_refused', platform: 'slack', status: body.status }, body.message);
        return sendJsonError(res, body.status, body.message);
      }
      const check = checkSlackBody(req.headers['content-type'], body.bytes.toString('utf8'));
      if (!check.ok) {
        logger.warn({ event: 'slack_body_refused', platform: 'slack', status: 400 }, check.message);
        return sendJsonError(res, 400, check.message);
      }
      const timestamp = Number(req.headers['x-slack-request-timestamp']);
      if (Number.isFinite(timestamp) && timestamp > Math.floor(now() / 1000) + MAX_CLOCK_SKEW_SECONDS) {
        logger.warn({ event: 'slack_request_refused', platform: 'slack', reason: 'timestamp_in_future' }, 'a request dated more than 5 minutes ahead was refused');
        return sendJsonError(res, 401, 'request timestamp is too far from now');
      }
      if (!isDispatchedBySlackApp(check.body)) {
        const text = body.bytes.toString('utf8');
        const headers = { 'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''), 'x-slack-request-timestamp': timestamp };
        if (!isValidSlackRequest({ signingSecret, body: text, headers, nowMilliseconds: now() })) return sendJsonError(res, 401, 'request signature is not valid');
        logger.info({ event: 'slack_payload_ignored', platform: 'slack', type: typeof check.body.type === 'string' ? check.body.type.slice(0, 40) : undefined }, 'a signed payload of a kind Briefbot does not handle was acknowledged and ignored');
        res.writeHead(200, { 'content-length': 0 }).end();
        return;
      }
      (req as IncomingMessage & { rawBody?: Buffer; [RESPONSE_KEY]?: ServerResponse }).rawBody = body.bytes;
      (req as IncomingMessage & { [RESPONSE_KEY]?: ServerResponse })[RESPONSE_KEY] = res;
      try {
        receiver.requestListener(req, res);
      } catch (error) {
        logger.warn({ event: 'slack_dispatch_failed', platform: 'slack', code: (error as { code?: string }).code }, 'request not handled');
        if (!res.headersSent) res.writeHead(404).end();
      }
    },
  };
}

/** `GET /slack/install` and `GET /slack/oauth_redirect`, handed to Bolt's receiver (its InstallProvider). */
export function createInstallRoutes(receiver: HTTPReceiver, logger: Logger): Route[] {
  return [SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH].map((routePath) => ({
    method: 'GET',
    platform: 'slack',
    path: routePath,
    async handle(req: IncomingMessage, res: ServerResponse) {
      try {
        receiver.requestListener(req, res);
      } catch (error) {
        logger.warn({ event: 'slack_dispatch_failed', platform: 'slack', code: (error as { code?: string }).code }, 'install request not handled');
        if (!res.headersSent) res.writeHead(404).end();
      }
    },
  }));
}
