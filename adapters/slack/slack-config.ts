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

/** The Slack adapter's configuration: HTTP mode or Socket Mode, never a mix. */
export const SlackConfigSchema = z.discriminatedUnion('mode', [HttpConfigSchema, SocketConfigSchema]);
export type SlackConfig = z.infer<typeof SlackConfigSchema>;

/** The outcome of reading the environment: a config, Slack left off on purpose, or what to fix. */
export type SlackConfigResult =
  | { kind: 'enabled'; config: SlackConfig }
  | { kind: 'off'; reason: string }
  | { kind: 'invalid'; reason: string };

const SLACK_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const;

function readVariable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Reads the Slack variables of `env`: none set means Slack is off; some set but wrong says what to set. */
export function parseSlackConfig(env: NodeJS.ProcessEnv): SlackConfigResult {
  if (SLACK_VARIABLES.every((name) => readVariable(env, name) === undefined)) {
    return { kind: 'off', reason: 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) are not set' };
  }
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
    return { kind: 'invalid', reason: parsed.error.issues.map((issue) => issue.message).join('; ') };
  }
  return { kind: 'enabled', config: parsed.data };
}
