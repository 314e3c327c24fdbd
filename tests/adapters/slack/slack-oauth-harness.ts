import type { RunningServer } from '../../../adapters/serve.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_URL, SIGNING_SECRET } from './slack-harness.js';

/** App credentials of a Slack app distributed to many workspaces (made up, shaped like Slack's). */
export const CLIENT_ID = '1234567890.9876543210';
export const CLIENT_SECRET = 'test-client-secret-7d1e';
export const STATE_SECRET = 'test-state-secret-0123456789abcdef';

/** The environment of `serve` with OAuth installs (no SLACK_BOT_TOKEN). */
export function oauthEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: CLIENT_SECRET, SLACK_STATE_SECRET: STATE_SECRET, SLACK_API_URL: API_URL, ...extra };
}

/** A workspace as oauth.v2.access describes it after an install. */
export interface TestTeam {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

/** oauth.v2.access's answer for `team` (a bot install, not org-wide). */
export function oauthAccessReply(team: TestTeam): Record<string, unknown> {
  return {
    ok: true,
    app_id: 'A0BRIEFBOT',
    authed_user: { id: 'U0INSTALLER' },
    scope: 'commands,chat:write,app_mentions:read,im:history,im:read,im:write',
    token_type: 'bot',
    access_token: team.botToken,
    bot_user_id: team.botUserId,
    team: { id: team.teamId, name: team.teamName },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** auth.test's answer for the team's bot token. */
export function authTestReply(team: TestTeam): Record<string, unknown> {
  return { ok: true, url: `https://${team.teamId.toLowerCase()}.slack.com/`, team: team.teamName, user: 'briefbot', team_id: team.teamId, user_id: team.botUserId, bot_id: team.botId };
}

/** The state cookie set by /slack/install and the state in its "Add to Slack" link. */
export async function openInstallPage(server: RunningServer): Promise<{ status: number; html: string; cookie: string | null; authorizeUrl: URL | null }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/slack/install`);
  const html = await res.text();
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('slack-app-oauth-state=')) ?? null;
  const href = /<a href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  return { status: res.status, html, cookie, authorizeUrl: href ? new URL(href) : null };
}

/** The browser coming back from Slack to /slack/oauth_redirect with the grant `code`. */
export async function followRedirect(server: RunningServer, query: Record<string, string>, cookie: string | null): Promise<{ status: number; html: string }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/slack/oauth_redirect?${new URLSearchParams(query)}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text() };
}

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/slack');

/** A real app_mention event_callback, from `team`'s workspace, mentioning its bot. */
export function teamMentionBody(team: Pick<TestTeam, 'teamId' | 'botUserId'>, question: string, eventId: string): string {
  const body = JSON.parse(readFileSync(path.join(FIXTURES, 'event-callback-app-mention.json'), 'utf8'));
  delete body.enterprise_id;
  body.team_id = team.teamId;
  body.event_id = eventId;
  body.event.team = team.teamId;
  body.event.text = `<@${team.botUserId}> ${question}`;
  return JSON.stringify(body);
}
