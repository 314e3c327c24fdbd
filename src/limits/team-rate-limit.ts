import { z } from 'zod';
import { positive, type RateDecision, type RateLimitConfig, type RateLimiter } from './rate-limiter.js';

/** A workspace's bucket: the user key (`slack:<team>:<user>`, `teams:<tenant>:<user>`) with the user left out. */
export function teamKeyOf(userKey: string): string {
  const cut = userKey.lastIndexOf(':');
  return `${cut < 0 ? userKey : userKey.slice(0, cut)}:*`;
}

/**
 * Each user's limit and, above it, their workspace's (a Slack team, a Teams tenant): a question is
 * answered only when both buckets have a token, so neither one person nor one busy workspace can
 * take the server from the others. A user over their own limit spends nothing of the team's.
 */
export function withTeamLimit(users: RateLimiter, teams: RateLimiter): RateLimiter {
  return {
    async take(key): Promise<RateDecision> {
      const own = await users.take(key);
      if (!own.allowed) return own;
      return teams.take(teamKeyOf(key));
    },
  };
}

const TeamEnvSchema = z.object({
  BRIEFBOT_RATE_LIMIT: z.string().optional(),
  BRIEFBOT_RATE_TEAM_BURST: positive('BRIEFBOT_RATE_TEAM_BURST', 60),
  BRIEFBOT_RATE_TEAM_PER_MINUTE: positive('BRIEFBOT_RATE_TEAM_PER_MINUTE', 240),
});

/** The workspace limit from the environment (off with BRIEFBOT_RATE_LIMIT=off), or the message naming the variable to fix. */
export function parseTeamRateLimitConfig(env: NodeJS.ProcessEnv): { ok: true; config: RateLimitConfig | null } | { ok: false; message: string } {
  const parsed = TeamEnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  if (parsed.data.BRIEFBOT_RATE_LIMIT === 'off') return { ok: true, config: null };
  return { ok: true, config: { burst: parsed.data.BRIEFBOT_RATE_TEAM_BURST, perMinute: parsed.data.BRIEFBOT_RATE_TEAM_PER_MINUTE } };
}
