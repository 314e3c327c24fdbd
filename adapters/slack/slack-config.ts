import { z } from 'zod';

/**
 * Slack settings, read once from the environment.
 *
 * | variable | required | meaning |
 * |---|---|---|
 * | `SLACK_BOT_TOKEN` | yes | the bot token (`xoxb-…`), from the app's *OAuth & Permissions* page |
 * | `SLACK_SIGNING_SECRET` | in HTTP mode | from the app's *Basic Information* page; Bolt checks every request with it |
 * | `SLACK_APP_TOKEN` | in Socket Mode | an app-level token (`xapp-…`) with `connections:write`; setting it turns Socket Mode on |
 * | `SLACK_MODE` | no | `http` or `socket`; by default `socket` when `SLACK_APP_TOKEN` is set, else `http` |
 * | `SLACK_BOT_ID`, `SLACK_BOT_USER_ID` | no | the bot's ids (`B…`, `U…`); when both are set Briefbot skips its `auth.test` call at start |
 * | `SLACK_API_URL` | no | base URL of the Web API (default `https://slack.com/api/`), for tests or a Slack-compatible endpoint |
 *
 * Installed in many workspaces (OAuth, HTTP mode only) instead of `SLACK_BOT_TOKEN`:
 *
 * | variable | required | meaning |
 * |---|---|---|
 * | `SLACK_CLIENT_ID`, `SLACK_CLIENT_SECRET` | yes | from the app's *Basic Information* page (App Credentials) |
 * | `SLACK_STATE_SECRET` | yes | any random string of 16 characters or more (`openssl rand -hex 32`); signs the install link's state |
 * | `SLACK_SIGNING_SECRET` | yes | as in HTTP mode |
 * | `SLACK_REDIRECT_URI` | no | the public `https://…/slack/oauth_redirect`, when the app lists several redirect URLs |
 * | `SLACK_SCOPES` | no | bot scopes asked at install, comma-separated (default: those of manifest.yml) |
 */
const botToken = z
  .string({ error: 'SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from your app’s OAuth & Permissions page' })
  .trim()
  .regex(/^xoxb-\S+$/, 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-: copy it from your app’s OAuth & Permissions page');

const identity = {
  botToken,
  botId: z.string().trim().regex(/^B[A-Z0-9]+$/, 'SLACK_BOT_ID must look like B0123ABCD').optional(),
  botUserId: z.string().trim().regex(/^[UW][A-Z0-9]+$/, 'SLACK_BOT_USER_ID must look like U0123ABCD').optional(),
  apiUrl: z
    .string()
    .trim()
    .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'SLACK_API_URL must be an http(s) address such as https://slack.com/api/')
    .transform((u) => (u.endsWith('/') ? u : `${u}/`))
    .optional(),
};

/** HTTP mode: Slack POSTs to `/slack/events` and Bolt verifies each request's signature. */
const HttpConfigSchema = z.object({
  mode: z.literal('http'),
  ...identity,
  signingSecret: z
    .string({ error: 'SLACK_SIGNING_SECRET is missing: copy the Signing Secret from your app’s Basic Information page (or set SLACK_APP_TOKEN for Socket Mode)' })
    .trim()
    .min(8, 'SLACK_SIGNING_SECRET looks too short: copy the Signing Secret from your app’s Basic Information page'),
});

/** Socket Mode: Briefbot opens a websocket to Slack with an app-level token; no public URL needed. */
const SocketConfigSchema = z.object({
  mode: z.literal('socket'),
  ...identity,
  appToken: z
    .string({ error: 'SLACK_APP_TOKEN is missing: create an app-level token with connections:write on your app’s Basic Information page' })
    .trim()
    .regex(/^xapp-\S+$/, 'SLACK_APP_TOKEN must be an app-level token starting with xapp-: create one on your app’s Basic Information page'),
});

/** The bot scopes of manifest.yml: what an install through `/slack/install` asks for. */
export const DEFAULT_SCOPES = ['commands', 'chat:write', 'app_mentions:read', 'im:history', 'im:read', 'im:write'];

/** OAuth: installed in many workspaces through `/slack/install`; each team's bot token comes from the installation store. */
const OAuthConfigSchema = z.object({
  mode: z.literal('oauth'),
  signingSecret: HttpConfigSchema.shape.signingSecret,
  clientId: z
    .string({ error: 'SLACK_CLIENT_ID is missing: copy the Client ID from your app’s Basic Information page (App Credentials)' })
    .trim()
    .regex(/^\d+\.\d+$/, 'SLACK_CLIENT_ID must look like 1234567890.1234567890: copy the Client ID from your app’s Basic Information page'),
  clientSecret: z
    .string({ error: 'SLACK_CLIENT_SECRET is missing: copy the Client Secret from your app’s Basic Information page (App Credentials)' })
    .trim()
    .min(8, 'SLACK_CLIENT_SECRET looks too short: copy the Client Secret from your app’s Basic Information page'),
  stateSecret: z
    .string({ error: 'SLACK_STATE_SECRET is missing: set it to a random string of 16 characters or more (openssl rand -hex 32)' })
    .trim()
    .min(16, 'SLACK_STATE_SECRET must be 16 characters or more: openssl rand -hex 32 makes one'),
  redirectUri: z
    .string()
    .trim()
    .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u) && new URL(u).pathname === '/slack/oauth_redirect', 'SLACK_REDIRECT_URI must be the public address of /slack/oauth_redirect, such as https://briefbot.example.org/slack/oauth_redirect')
    .optional(),
  scopes: z
    .array(z.string().regex(/^[a-z]+(:[a-z.]+)*$/, 'SLACK_SCOPES must be bot scopes separated by commas, such as commands,chat:write'))
    .min(1)
    .default(DEFAULT_SCOPES),
  apiUrl: identity.apiUrl,
});

/** The Slack adapter's configuration: one workspace over HTTP or Socket Mode, or many through OAuth; never a mix. */
export const SlackConfigSchema = z.discriminatedUnion('mode', [HttpConfigSchema, SocketConfigSchema, OAuthConfigSchema]);
export type SlackConfig = z.infer<typeof SlackConfigSchema>;

/** The outcome of reading the environment: a config, Slack left off on purpose, or what to fix. */
export type SlackConfigResult =
  | { kind: 'enabled'; config: SlackConfig }
  | { kind: 'off'; reason: string }
  | { kind: 'invalid'; reason: string };

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const SLACK_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', ...OAUTH_VARIABLES] as const;

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

/** SLACK_CLIENT_ID and the rest: many workspaces, each installed through /slack/install, over HTTP only. */
function parseOAuthConfig(env: NodeJS.ProcessEnv): SlackConfigResult {
  if (readVariable(env, 'SLACK_BOT_TOKEN') !== undefined) {
    return { kind: 'invalid', reason: 'set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (installs in many workspaces), not both' };
  }
  const mode = readVariable(env, 'SLACK_MODE')?.toLowerCase();
  if (readVariable(env, 'SLACK_APP_TOKEN') !== undefined || mode === 'socket') {
    return { kind: 'invalid', reason: 'installs in many workspaces (SLACK_CLIENT_ID) need HTTP mode: unset SLACK_APP_TOKEN and SLACK_MODE=socket' };
  }
  const scopes = readVariable(env, 'SLACK_SCOPES');
  const parsed = SlackConfigSchema.safeParse({
    mode: 'oauth',
    signingSecret: readVariable(env, 'SLACK_SIGNING_SECRET'),
    clientId: readVariable(env, 'SLACK_CLIENT_ID'),
    clientSecret: readVariable(env, 'SLACK_CLIENT_SECRET'),
    stateSecret: readVariable(env, 'SLACK_STATE_SECRET'),
    redirectUri: readVariable(env, 'SLACK_REDIRECT_URI'),
    scopes: scopes?.split(',').map((scope) => scope.trim()).filter((scope) => scope !== ''),
    apiUrl: readVariable(env, 'SLACK_API_URL'),
  });
  return parsed.success ? { kind: 'enabled', config: parsed.data } : { kind: 'invalid', reason: describeIssues(parsed.error) };
}

function readVariable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Reads the Slack variables of `env`: none set means Slack is off; some set but wrong says what to set. */
export function parseSlackConfig(env: NodeJS.ProcessEnv): SlackConfigResult {
  if (SLACK_VARIABLES.every((name) => readVariable(env, name) === undefined)) {
    return { kind: 'off', reason: 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN, or SLACK_CLIENT_ID for installs in many workspaces) are not set' };
  }
  if (OAUTH_VARIABLES.some((name) => readVariable(env, name) !== undefined)) return parseOAuthConfig(env);
  const requestedMode = readVariable(env, 'SLACK_MODE')?.toLowerCase();
  if (requestedMode !== undefined && requestedMode !== 'http' && requestedMode !== 'socket') {
    return { kind: 'invalid', reason: `SLACK_MODE must be "http" or "socket", not "${requestedMode}"` };
  }
  const mode = requestedMode ?? (readVariable(env, 'SLACK_APP_TOKEN') !== undefined ? 'socket' : 'http');
  const parsed = SlackConfigSchema.safeParse({
    mode,
    botToken: readVariable(env, 'SLACK_BOT_TOKEN'),
    botId: readVariable(env, 'SLACK_BOT_ID'),
    botUserId: readVariable(env, 'SLACK_BOT_USER_ID'),
    apiUrl: readVariable(env, 'SLACK_API_URL'),
    signingSecret: mode === 'http' ? readVariable(env, 'SLACK_SIGNING_SECRET') : undefined,
    appToken: mode === 'socket' ? readVariable(env, 'SLACK_APP_TOKEN') : undefined,
  });
  if (!parsed.success) {
    return { kind: 'invalid', reason: describeIssues(parsed.error) };
  }
  return { kind: 'enabled', config: parsed.data };
}
