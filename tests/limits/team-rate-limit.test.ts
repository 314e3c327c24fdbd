import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '../../src/limits/rate-limiter.js';
import { parseTeamRateLimitConfig, teamKeyOf, withTeamLimit } from '../../src/limits/team-rate-limit.js';

describe('the workspace limit above each user’s', () => {
  it('names a workspace’s bucket after its users’ keys', () => {
    expect(teamKeyOf('slack:T0123:U0456')).toBe('slack:T0123:*');
    expect(teamKeyOf('teams:72f988bf-86f1-41af-91ab-2d7cd011db47:29:1abc')).toBe('teams:72f988bf-86f1-41af-91ab-2d7cd011db47:29:*');
  });

  it('refuses everyone in a busy workspace once its bucket is spent, and no one elsewhere', async () => {
    let t = 0;
    const now = () => t;
    const limiter = withTeamLimit(createMemoryRateLimiter({ burst: 2, perMinute: 60 }, now), createMemoryRateLimiter({ burst: 3, perMinute: 60 }, now));
    // Three users of T1 take the workspace's three tokens between them.
    expect(await limiter.take('slack:T1:U1')).toEqual({ allowed: true });
    expect(await limiter.take('slack:T1:U2')).toEqual({ allowed: true });
    expect(await limiter.take('slack:T1:U3')).toEqual({ allowed: true });
    // A fourth user, with a full bucket of their own, waits for the workspace.
    expect(await limiter.take('slack:T1:U4')).toEqual({ allowed: false, retryAfterSeconds: 1, first: true });
    expect(await limiter.take('slack:T2:U1')).toEqual({ allowed: true });
    t += 1000;
    expect(await limiter.take('slack:T1:U4')).toEqual({ allowed: true });
  });

  it('spends nothing of the workspace’s when a user is over their own limit', async () => {
    const now = () => 0;
    const limiter = withTeamLimit(createMemoryRateLimiter({ burst: 1, perMinute: 1 }, now), createMemoryRateLimiter({ burst: 2, perMinute: 1 }, now));
    expect(await limiter.take('teams:X:flooder')).toEqual({ allowed: true });
    for (let i = 0; i < 10; i += 1) expect((await limiter.take('teams:X:flooder')).allowed).toBe(false);
    expect(await limiter.take('teams:X:colleague')).toEqual({ allowed: true });
  });

  it('reads BRIEFBOT_RATE_TEAM_* with defaults, off with the rest, and names a bad variable', () => {
    expect(parseTeamRateLimitConfig({})).toEqual({ ok: true, config: { burst: 60, perMinute: 240 } });
    expect(parseTeamRateLimitConfig({ BRIEFBOT_RATE_TEAM_BURST: '5', BRIEFBOT_RATE_TEAM_PER_MINUTE: '30' })).toEqual({ ok: true, config: { burst: 5, perMinute: 30 } });
    expect(parseTeamRateLimitConfig({ BRIEFBOT_RATE_LIMIT: 'off' })).toEqual({ ok: true, config: null });
    expect(parseTeamRateLimitConfig({ BRIEFBOT_RATE_TEAM_PER_MINUTE: '-1' })).toEqual({ ok: false, message: 'BRIEFBOT_RATE_TEAM_PER_MINUTE must be a positive number (it is "-1")' });
  });
});
