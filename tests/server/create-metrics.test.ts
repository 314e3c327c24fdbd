import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter, createMetrics, withAnswerMetrics, withRateLimitMetrics, type Briefbot } from '../../src/index.js';
import { helpAnswer } from '../fixtures/answers.js';

/** The value of one sample line (`name{labels} value`) of the exposition, or null when it is not there. */
function sample(body: string, line: string): number | null {
  const found = body.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? null : Number(found.slice(line.length + 1));
}

describe('createMetrics', () => {
  it('keeps each instance in its own registry, so two servers (or tests) never share counts', async () => {
    const one = createMetrics();
    const two = createMetrics();
    one.recordRequest('slack', '2xx');
    one.recordRequest('slack', '2xx');
    expect(sample((await one.render()).body, 'briefbot_requests_total{platform="slack",outcome="2xx"}')).toBe(2);
    expect(sample((await two.render()).body, 'briefbot_requests_total{platform="slack",outcome="2xx"}')).toBeNull();
    expect((await one.render()).contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('reports the index size and its age by the injected clock, and counts reloads and their errors', async () => {
    let now = 1_000_000;
    const metrics = createMetrics({ now: () => now });
    expect(sample((await metrics.render()).body, 'briefbot_index_age_seconds')).toBe(0);
    metrics.recordIndex({ articles: 5, statements: 40 });
    now += 42_000;
    metrics.recordReload(true);
    metrics.recordReload(false);
    const { body } = await metrics.render();
    expect(sample(body, 'briefbot_index_articles')).toBe(5);
    expect(sample(body, 'briefbot_index_statements')).toBe(40);
    expect(sample(body, 'briefbot_index_age_seconds')).toBe(42);
    expect(sample(body, 'briefbot_reloads_total')).toBe(2);
    expect(sample(body, 'briefbot_reload_errors_total')).toBe(1);
  });

  it('times answers by kind (error when the core throws) and counts rate-limited questions by platform', async () => {
    const metrics = createMetrics();
    let clock = 0;
    const core: Briefbot = {
      ask: async (question) => {
        clock += 30;
        if (question === 'boom') throw new Error('index gone');
        return helpAnswer;
      },
    };
    const measured = withAnswerMetrics(core, metrics, () => clock);
    await measured.ask('help');
    await expect(measured.ask('boom')).rejects.toThrow('index gone');
    const limiter = withRateLimitMetrics(createMemoryRateLimiter({ burst: 1, perMinute: 1 }, () => 0), metrics);
    expect((await limiter.take('teams:tenant:user')).allowed).toBe(true);
    expect((await limiter.take('teams:tenant:user')).allowed).toBe(false);
    const { body } = await metrics.render();
    expect(sample(body, 'briefbot_answers_total{kind="help"}')).toBe(1);
    expect(sample(body, 'briefbot_answers_total{kind="error"}')).toBe(1);
    expect(sample(body, 'briefbot_answer_duration_seconds_count{kind="help"}')).toBe(1);
    expect(sample(body, 'briefbot_answer_duration_seconds_sum{kind="help"}')).toBeCloseTo(0.03);
    expect(sample(body, 'briefbot_answer_duration_seconds_bucket{le="0.05",kind="help"}')).toBe(1);
    expect(sample(body, 'briefbot_rate_limited_total{platform="teams"}')).toBe(1);
  });
});
