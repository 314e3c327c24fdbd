import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Installation } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store' });
  res.end(html);
}

/** Codes of @slack/oauth for a link that cannot be trusted: expired, replayed, or opened in another browser. */
const STATE_ERRORS = new Set(['slack_oauth_missing_state', 'slack_oauth_invalid_state', 'slack_oauth_missing_code']);

/** The pages at the end of an install through `/slack/oauth_redirect`: what happened, never an error's text. */
export function createInstallCallbacks(logger: Logger) {
  return {
    success(installation: Installation, _options: unknown, _req: IncomingMessage, res: ServerResponse) {
      const where = installation.team?.name ?? installation.enterprise?.name ?? 'your workspace';
      sendPage(res, 200, 'Briefbot is installed', `Briefbot is installed in ${where}. In Slack, type /brief followed by a question, or mention @Briefbot.`);
    },
    failure(error: Error & { code?: string }, _options: unknown, _req: IncomingMessage, res: ServerResponse) {
      const code = typeof error.code === 'string' ? error.code : 'unknown';
      logger.warn({ event: 'slack_install_failed', platform: 'slack', code }, 'a Slack install did not complete');
      if (STATE_ERRORS.has(code)) {
        return sendPage(res, 400, 'Briefbot was not installed', 'This install link has expired or was opened in another browser. Start again from the install page (/slack/install).');
      }
      if (code === 'slack_oauth_installer_authorization_error') {
        return sendPage(res, 400, 'Briefbot was not installed', 'The install was cancelled. Start again from the install page (/slack/install) when you are ready.');
      }
      sendPage(res, 500, 'Briefbot was not installed', 'Slack could not complete the install. Please try again in a moment from the install page (/slack/install).');
    },
  };
}
