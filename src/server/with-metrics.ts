import type { Briefbot } from '../answer/answer-schema.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import type { Metrics } from './create-metrics.js';

/** The core with each answer counted by kind and timed (`error` when `ask` throws; the error is passed on). */
export function withAnswerMetrics(briefbot: Briefbot, metrics: Metrics, now: () => number = () => performance.now()): Briefbot {
  return {
    ...(briefbot.quote ? { quote: (id: string) => briefbot.quote!(id) } : {}),
    ...(briefbot.result ? { result: (id: string) => briefbot.result!(id) } : {}),
    ...(briefbot.report ? { report: (input: Parameters<NonNullable<Briefbot['report']>>[0]) => briefbot.report!(input) } : {}),
    async ask(question, options) {
      const started = now();
      try {
        const answer = await briefbot.ask(question, options);
        metrics.recordAnswer(answer.kind, (now() - started) / 1000);
        return answer;
      } catch (error) {
        metrics.recordAnswer('error', (now() - started) / 1000);
        throw error;
      }
    },
  };
}

/** The limiter with each refusal counted by platform (the part of the key before the first `:`). */
export function withRateLimitMetrics(limiter: RateLimiter, metrics: Metrics): RateLimiter {
  return {
    async take(key) {
      const decision = await limiter.take(key);
      if (!decision.allowed) metrics.recordRateLimited(key.split(':', 1)[0] || 'unknown');
      return decision;
    },
  };
}
