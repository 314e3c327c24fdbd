import { z } from 'zod';
import { TeamsError } from './teams-error.js';

/** An environment value, with blank treated as unset. */
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);

/**
 * The Teams variables of the environment.
 *
 * - `TEAMS_APP_ID`: the bot's Microsoft app id (Azure Bot resource → Configuration). When set, every
 *   request must carry a Bot Framework token.
 * - `TEAMS_APP_PASSWORD`: the app's client secret; required for SingleTenant and MultiTenant.
 * - `TEAMS_TENANT_ID`: the Entra tenant; required for SingleTenant and UserAssignedMSI.
 * - `TEAMS_APP_TYPE`: `SingleTenant`, `MultiTenant` (default) or `UserAssignedMSI`.
 * - `TEAMS_ALLOW_UNAUTHENTICATED`: `true` to serve without an app id (Bot Framework Emulator, local
 *   tests); honoured only when the server listens on a loopback address.
 */
export const TeamsEnvSchema = z.object({
  TEAMS_APP_ID: optionalText,
  TEAMS_APP_PASSWORD: optionalText,
  TEAMS_TENANT_ID: optionalText,
  TEAMS_APP_TYPE: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  TEAMS_ALLOW_UNAUTHENTICATED: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.enum(['true', 'false', '']).optional(),
  ),
});

const appId = z.string({ error: 'TEAMS_APP_ID is missing' }).min(1);
const password = z
  .string({ error: 'TEAMS_APP_PASSWORD is missing: create a client secret under Certificates & secrets of the app registration' })
  .min(1);
const tenantId = z
  .string({ error: 'TEAMS_TENANT_ID is missing: copy the Directory (tenant) ID from the app registration overview' })
  .min(1);

/** Credentials of a registered bot: which fields are required depends on the app type. */
export const TeamsCredentialsSchema = z.discriminatedUnion('appType', [
  z.object({ appType: z.literal('MultiTenant'), appId, password, tenantId: z.string().optional() }),
  z.object({ appType: z.literal('SingleTenant'), appId, password, tenantId }),
  z.object({
    appType: z.literal('UserAssignedMSI'),
    appId,
    tenantId,
    password: z.undefined({ error: 'TEAMS_APP_PASSWORD must not be set when TEAMS_APP_TYPE=UserAssignedMSI' }),
  }),
]);
export type TeamsCredentials = z.infer<typeof TeamsCredentialsSchema>;

/** How the Teams endpoint authenticates requests, or why it is off. */
export type TeamsSetup =
  | { status: 'enabled'; auth: 'token'; credentials: TeamsCredentials }
  | { status: 'enabled'; auth: 'none' }
  | { status: 'disabled'; reason: string };

/** Tells whether `host` (the address the server listens on) is reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Reads the Teams configuration from `env`. A half-configured bot (an app id without its secret)
 * throws: better to stop at start than to run a bot Teams can never reach.
 */
export function loadTeamsSetup(env: Record<string, string | undefined>, host: string): TeamsSetup {
  const parsed = TeamsEnvSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error, true);
  const vars = parsed.data;
  if (vars.TEAMS_APP_ID !== undefined) {
    const credentials = TeamsCredentialsSchema.safeParse({
      appType: vars.TEAMS_APP_TYPE,
      appId: vars.TEAMS_APP_ID,
      password: vars.TEAMS_APP_PASSWORD,
      tenantId: vars.TEAMS_TENANT_ID,
    });
    if (!credentials.success) throw configError(credentials.error, false);
    return { status: 'enabled', auth: 'token', credentials: credentials.data };
  }
  if (vars.TEAMS_ALLOW_UNAUTHENTICATED !== 'true') {
    return { status: 'disabled', reason: 'TEAMS_APP_ID is not set (set TEAMS_ALLOW_UNAUTHENTICATED=true to test locally without one)' };
  }
  if (!isLoopbackHost(host)) {
    return {
      status: 'disabled',
      reason: `TEAMS_ALLOW_UNAUTHENTICATED=true is honoured only on a loopback address, and the server listens on ${host}: set TEAMS_APP_ID or listen on 127.0.0.1`,
    };
  }
  return { status: 'enabled', auth: 'none' };
}

/** The Bot Framework SDK's own setting names, filled from ours: the one place where they meet. */
export interface SdkAuthSettings {
  [name: string]: string | undefined;
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType?: string;
}

/** Maps our `TEAMS_*` configuration onto the names `ConfigurationBotFrameworkAuthentication` reads. */
export function toSdkAuthSettings(setup: Extract<TeamsSetup, { status: 'enabled' }>): SdkAuthSettings {
  if (setup.auth === 'none') return {};
  const { credentials } = setup;
  return {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppType: credentials.appType,
    ...(credentials.password !== undefined ? { MicrosoftAppPassword: credentials.password } : {}),
    ...(credentials.tenantId !== undefined ? { MicrosoftAppTenantId: credentials.tenantId } : {}),
  };
}

/** Env issues are named by their variable; credential messages already name theirs. */
function configError(error: z.ZodError, namePath: boolean): TeamsError {
  const details = error.issues.map((issue) => (namePath && issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  return new TeamsError('TEAMS_CONFIG_INVALID', `Teams configuration is invalid: ${details.join('; ')}`, { cause: error });
}
