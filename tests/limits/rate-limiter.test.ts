import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter, parseRateLimitConfig, slowDownMessage } from '../../src/limits/rate-limiter.js';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('the token bucket', () => {
  it('allows a burst, refuses the rest with a wait, and refills with time', async () => {
    const c = clock();
    const limiter = createMemoryRateLimiter({ burst: 3, perMinute: 60 }, c.now);
    for (let i = 0; i < 3; i++) expect(await limiter.take('u1')).toEqual({ allowed: true });
    expect(await limiter.take('u1')).toEqual({ allowed: false, retryAfterSeconds: 1, first: true });
    expect(await limiter.take('u1')).toEqual({ allowed: false, retryAfterSeconds: 1, first: false });
    // Another user is not held back by the first.
    expect(await limiter.take('u2')).toEqual({ allowed: true });
    c.advance(1000);
    expect(await limiter.take('u1')).toEqual({ allowed: true });
    expect(await limiter.take('u1')).toMatchObject({ allowed: false, first: true });
    // Idle long enough, a user is back to a full burst, and no more.
    c.advance(3_600_000);
    for (let i = 0; i < 3; i++) expect((await limiter.take('u1')).allowed).toBe(true);
    expect((await limiter.take('u1')).allowed).toBe(false);
  });

  it('says how long to wait at a slow refill', async () => {
    const c = clock();
    const limiter = createMemoryRateLimiter({ burst: 1, perMinute: 2 }, c.now);
    await limiter.take('u');
    expect(await limiter.take('u')).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    c.advance(20_000);
    expect(await limiter.take('u')).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
  });

  it('reads BRIEFBOT_RATE_* with defaults, off, and a message naming a bad variable', () => {
    expect(parseRateLimitConfig({})).toEqual({ ok: true, config: { burst: 10, perMinute: 20 } });
    expect(parseRateLimitConfig({ BRIEFBOT_RATE_BURST: '3', BRIEFBOT_RATE_PER_MINUTE: '6' })).toEqual({ ok: true, config: { burst: 3, perMinute: 6 } });
    expect(parseRateLimitConfig({ BRIEFBOT_RATE_LIMIT: 'off' })).toEqual({ ok: true, config: null });
    expect(parseRateLimitConfig({ BRIEFBOT_RATE_BURST: 'lots' })).toEqual({ ok: false, message: 'BRIEFBOT_RATE_BURST must be a positive number (it is "lots")' });
    expect(parseRateLimitConfig({ BRIEFBOT_RATE_LIMIT: 'maybe' })).toEqual({ ok: false, message: 'BRIEFBOT_RATE_LIMIT must be "on" or "off"' });
  });

  it('answers politely with the wait', () => {
    expect(slowDownMessage(1)).toBe("You're asking faster than I can keep up with. Please wait a second and ask again.");
    expect(slowDownMessage(30)).toContain('wait 30 seconds');
  });
});
