import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What a request's answer was, for `briefbot_requests_total`: its status class, or `aborted` when the client left first. */
export type RequestOutcome = '2xx' | '3xx' | '4xx' | '5xx' | 'aborted';

/**
 * The server's Prometheus metrics, recorded through these functions and read at `GET /metrics`.
 * Each call of `createMetrics` has its own registry, so servers (and tests) never share counts.
 */
export interface Metrics {
  /** The registry the metrics live in (prom-client's), e.g. to add process metrics or read them in a test. */
  readonly registry: Registry;
  /** One HTTP request answered: which platform's route (`slack`, `teams`, `context`, `health`, `metrics`, `none`) and how. */
  recordRequest(platform: string, outcome: RequestOutcome): void;
  /** One answer from the core: its `kind` (or `error` when `ask` threw) and how long it took. */
  recordAnswer(kind: string, seconds: number): void;
  /** A new index is serving: its size, and when it started serving (its age is read at each scrape). */
  recordIndex(size: { articles: number; statements: number }): void;
  /** A re-index of the corpus finished: `ok` false when it failed (the previous index keeps serving). */
  recordReload(ok: boolean): void;
  /** A question refused by the rate limit, by platform. */
  recordRateLimited(platform: string): void;
  /** An outbound call that failed (an error, a timeout, a 5xx): which platform and which call. */
  recordOutboundFailure(platform: string, call: string): void;
  /** The text exposition of every metric, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** How to build the metrics: the clock (milliseconds, for the index age) and whether to add Node's process metrics. */
export interface MetricsOptions {
  now?: () => number;
  /** Process metrics (`process_resident_memory_bytes`, heap, event loop lag) with prom-client's defaults. Default false. */
  processMetrics?: boolean;
}

/** Answer latency buckets in seconds: most answers take milliseconds; Slack's ack deadline is 3 s. */
const ANSWER_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Creates the metrics in a registry of their own. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const now = options.now ?? Date.now;
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'briefbot_requests_total', help: 'HTTP requests answered, by platform and outcome', labelNames: ['platform', 'outcome'] as const, registers: [registry] });
  const answerSeconds = new Histogram({ name: 'briefbot_answer_duration_seconds', help: 'Time to answer one question, by answer kind', labelNames: ['kind'] as const, buckets: ANSWER_BUCKETS, registers: [registry] });
  const answers = new Counter({ name: 'briefbot_answers_total', help: 'Answers given, by kind (results, nothing, help, invalid, ...; error when the core failed)', labelNames: ['kind'] as const, registers: [registry] });
  const articles = new Gauge({ name: 'briefbot_index_articles', help: 'Articles in the index serving now', registers: [registry] });
  const statements = new Gauge({ name: 'briefbot_index_statements', help: 'Statements (quotes and reported speech) in the index serving now', registers: [registry] });
  let servingSince: number | null = null;
  new Gauge({
    name: 'briefbot_index_age_seconds',
    help: 'Seconds since the index serving now was swapped in (0 before the first)',
    registers: [registry],
    collect() {
      this.set(servingSince === null ? 0 : Math.max(0, (now() - servingSince) / 1000));
    },
  });
  const reloads = new Counter({ name: 'briefbot_reloads_total', help: 'Re-indexes of the corpus that finished (successful or not)', registers: [registry] });
  const reloadErrors = new Counter({ name: 'briefbot_reload_errors_total', help: 'Re-indexes of the corpus that failed (the previous index kept serving)', registers: [registry] });
  const rateLimited = new Counter({ name: 'briefbot_rate_limited_total', help: 'Questions refused by the per-user rate limit, by platform', labelNames: ['platform'] as const, registers: [registry] });
  const outbound = new Counter({ name: 'briefbot_outbound_failures_total', help: 'Outbound calls that failed (errors, timeouts, 5xx), by platform and call', labelNames: ['platform', 'call'] as const, registers: [registry] });
  return {
    registry,
    recordRequest: (platform, outcome) => requests.inc({ platform, outcome }),
    recordAnswer(kind, seconds) {
      answers.inc({ kind });
      answerSeconds.observe({ kind }, seconds);
    },
    recordIndex(size) {
      articles.set(size.articles);
      statements.set(size.statements);
      servingSince = now();
    },
    recordReload(ok) {
      reloads.inc();
      if (!ok) reloadErrors.inc();
    },
    recordRateLimited: (platform) => rateLimited.inc({ platform }),
    recordOutboundFailure: (platform, call) => outbound.inc({ platform, call }),
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
