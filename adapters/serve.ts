import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  sizeOf,
  createContextRoute,
  createMemoryConversationStore,
  withFollowUps,
  createHttpServer,
  createMetrics,
  parseMetricsToken,
  withAnswerMetrics,
  withRateLimitMetrics,
  limitConcurrency,
  parseConcurrencyConfig,
  type Metrics,
  createWorkTracker,
  createMemoryRateLimiter,
  createPgRateLimiter,
  parseTeamRateLimitConfig,
  withTeamLimit,
  type RateLimitConfig,
  parseRateLimitConfig,
  UNLIMITED,
  type RateLimiter,
  loadQuoteLinks,
  createStoreBriefbot,
  createTenantBriefbots,
  openSharedStore,
  isEnabledPlatform,
  createWatchCommands,
  createWatchRunner,
  openSqliteWatchStore,
  openPgWatchStore,
  loadTenant,
  watchStorePath,
  installationsPath,
  openSqliteInstallations,
  loadWatchConfig,
  startDigestClock,
  scanSourceOf,
  type Schedule,
  type Briefbot,
  type Health,
  type LiveBriefbot,
  type Logger,
  type Platform,
  type EnabledPlatform,
  type Route,
  type PlatformContext,
} from '../src/index.js';
import type { FeedPoller, FeedPollerOptions } from '../src/feeds/feed-poller.js';
import { startFeedPoller } from './start-feed-poller.js';
import { createDeferredBriefbot } from './create-deferred-briefbot.js';
import { createSlackPlatform, type SlackPlatformOverrides } from './slack/create-slack-platform.js';
import { createTeamsPlatform } from './teams/index.js';

/** How to start `briefbot serve`. */
export interface ServeOptions {
  corpusDir: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Default: every interface. */
  host?: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Opens the core; default `openBriefbot`. */
  openEngine?: (corpusDir: string, logger: Logger) => Promise<Briefbot>;
  /** The clock for signed links (tests). */
  now?: () => Date;
  /** Watches per channel (default 10, or BRIEFBOT_WATCH_LIMIT). */
  watchLimit?: number;
  /** Waits between retries of a failed watch post; injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** When the daily-digest check runs next (default a timer); tests run it themselves. */
  digestSchedule?: Schedule;
  /** Test knobs for the feed poller: when time passes, jitter, fetch limits. */
  feeds?: Partial<Pick<FeedPollerOptions, 'schedule' | 'random' | 'fetch'>>;
  /** Test knobs for the Slack adapter. */
  slack?: SlackPlatformOverrides;
  /** Questions per user; default from BRIEFBOT_RATE_* (tests pass one with their own clock). */
  limiter?: RateLimiter;
  /** How long a shutdown waits for requests in flight before closing their connections (default 10 s). */
  shutdownDeadlineMs?: number;
  /** Where `GET /metrics` reads from; default a registry of this server's own, with process metrics. */
  metrics?: Metrics;
}

/** A running server: its port, a promise settled when the corpus is indexed, and how to stop it. */
export interface RunningServer {
  server: Server;
  port: number;
  /** The platforms, on or off; empty until they are set up (the server listens first). */
  readonly platforms: Platform[];
  /** Resolves once questions can be answered and the platforms are set up; rejects when the corpus cannot be opened. */
  ready: Promise<void>;
  /** Resolves once the platforms are set up (their routes added; Slack's `auth.test` answered or given up). */
  platformsReady: Promise<void>;
  /** What `/healthz` and `/readyz` report now. */
  health(): Health;
  /** The server's metrics (`GET /metrics`). */
  metrics: Metrics;
  /**
   * Shuts down gracefully: `/healthz` reports `draining`, no new connection is accepted, requests
   * and answers in flight finish (up to the deadline), then watchers stop and connections close.
   * Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/** The default shutdown deadline. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Every chat platform the server can run. Each factory reads its own variables from the
 * environment and returns its routes, or the reason it is off. Teams joins this list.
 */
const platformFactories: Array<(context: PlatformContext, options: ServeOptions) => Promise<Platform>> = [
  (context, options) => createSlackPlatform(context, options.slack),
  async (context, options) => createTeamsPlatform({ ...context, host: options.host }),
];

function enabledOf(platforms: Platform[]): EnabledPlatform[] {
  return platforms.filter(isEnabledPlatform);
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the one HTTP server: it listens (answering `/healthz`, `/readyz` and `/metrics`) before the
 * platforms are set up, so a slow Slack `auth.test` delays nothing but readiness; then every enabled
 * platform's routes are added and the corpus is indexed.
 */
export async function startServe(options: ServeOptions): Promise<RunningServer> {
  const logger = options.logger;
  // An unusable BRIEFBOT_TZ or BRIEFBOT_WATCH_LIMIT stops the start before anything is opened.
  const watchConfig = loadWatchConfig(options.env, options.watchLimit === undefined ? {} : { limit: options.watchLimit });
  const started = Date.now();
  const metrics = options.metrics ?? createMetrics({ processMetrics: true });
  // By default the engine follows its store: the corpus folder (files re-indexed and swapped in) or
  // PostgreSQL (BRIEFBOT_STORE=postgres: reloaded when another process announces a change).
  let live: LiveBriefbot | null = null;
  // With PostgreSQL, replicas also share which Slack events were answered (and installations).
  const sharedStore = openSharedStore(options.env, logger);
  // Watches live beside the corpus in a SQLite file, or in PostgreSQL with the corpus (shared by replicas);
  // each new index is scanned for them once the platforms are up.
  const store = sharedStore ? openPgWatchStore(sharedStore.pools.primary, loadTenant(options.env)) : openSqliteWatchStore(watchStorePath(options.corpusDir));
  // Slack OAuth installs without PostgreSQL: a SQLite file beside the corpus, made on the first install.
  const installations = sharedStore ? null : openSqliteInstallations(installationsPath(options.corpusDir));
  let onEngine: ((engine: Parameters<ReturnType<typeof createWatchRunner>['onEngine']>[0]) => Promise<unknown>) | null = null;
  const openEngine =
    options.openEngine ??
    ((corpusDir, log) =>
      (live = createStoreBriefbot({
        corpusDir,
        logger: log,
        env: options.env,
        indexInWorker: true,
        ...(sharedStore ? { pools: sharedStore.pools } : {}),
        onBuild: ({ ok, first }) => void (first ? undefined : metrics.recordReload(ok)),
        onEngine: async (next) => {
          metrics.recordIndex(sizeOf(next));
          // The watch runner exists once the platforms are set up (they post its alerts).
          // (A shutdown while Slack's auth.test hangs stops the wait.)
          await Promise.race([platformsReady.catch(() => undefined), stopping]);
          await onEngine?.(next);
        },
      })).whenReady());
  let status: Health['status'] = 'starting';
  let resolveEngine!: (engine: Briefbot) => void;
  let rejectEngine!: (error: unknown) => void;
  const engine = new Promise<Briefbot>((resolve, reject) => {
    resolveEngine = resolve;
    rejectEngine = reject;
  });
  // Requests that arrive after a failed load get the platforms' apology; this keeps the rejection observed.
  engine.catch(() => undefined);

  // A half-made link configuration stops the server with a message naming the variable.
  const links = loadQuoteLinks(options.env, options.now);
  // Follow-ups ("and in 2011?") are kept per conversation in memory for half an hour.
  // At most BRIEFBOT_MAX_ANSWERS answers are worked on at once; a burst queues (its wait is in the latency metric).
  const concurrency = parseConcurrencyConfig(options.env);
  if (!concurrency.ok) throw new Error(concurrency.message);
  // BRIEFBOT_METRICS_TOKEN: GET /metrics only with that bearer token.
  const metricsToken = parseMetricsToken(options.env);
  if (!metricsToken.ok) throw new Error(metricsToken.message);
  logger.info({ event: metricsToken.token ? 'metrics_token_on' : 'metrics_open' }, metricsToken.token ? 'metrics: GET /metrics needs the bearer token (BRIEFBOT_METRICS_TOKEN)' : 'metrics: GET /metrics is open (set BRIEFBOT_METRICS_TOKEN to require a bearer token)');
  const briefbot = withAnswerMetrics(limitConcurrency(withFollowUps(createDeferredBriefbot(engine), createMemoryConversationStore()), concurrency.config), metrics);
  const now = options.now ?? (() => new Date());
  // "N quotes already match" is counted over the engine serving now, as alerts would match it.
  const corpus = async () => scanSourceOf(await engine);
  const commands = createWatchCommands({ briefbot, store, now, logger, limit: watchConfig.limit, timeZone: watchConfig.timeZone, corpus });
  const work = createWorkTracker();
  const rate = parseRateLimitConfig(options.env);
  if (!rate.ok) throw new Error(rate.message);
  // With PostgreSQL the buckets are shared, so a user's limit holds across replicas.
  const shared = (config: RateLimitConfig) => (sharedStore ? createPgRateLimiter(sharedStore.pools.primary, loadTenant(options.env), config, { logger }) : createMemoryRateLimiter(config));
  // Each workspace (Slack team, Teams tenant) has a limit of its own above its users'.
  const team = parseTeamRateLimitConfig(options.env);
  if (!team.ok) throw new Error(team.message);
  const perUser = rate.config ? shared(rate.config) : UNLIMITED;
  const limiter = withRateLimitMetrics(options.limiter ?? (rate.config && team.config ? withTeamLimit(perUser, shared(team.config)) : perUser), metrics);
  if (rate.config) {
    const where = sharedStore ? 'shared by every replica (PostgreSQL)' : 'in this process';
    const teams = team.config ? `; ${team.config.burst} at once, ${team.config.perMinute} a minute per workspace` : '';
    logger.info({ event: 'rate_limit_on', ...rate.config, team: team.config, shared: sharedStore !== null }, `rate limit: ${rate.config.burst} questions at once, ${rate.config.perMinute} a minute per user${teams}, ${where}`);
  }
  else logger.warn({ event: 'rate_limit_off' }, 'rate limit: off (BRIEFBOT_RATE_LIMIT=off)');
  // BRIEFBOT_TENANTS: other tenants of the database answer the workspaces mapped to them.
  const tenants = createTenantBriefbots({ env: options.env, logger, corpusDir: options.corpusDir, pools: sharedStore?.pools ?? null, fallback: briefbot });
  if (tenants) void tenants.whenReady().catch((error: unknown) => logger.error({ event: 'tenant_failed', err: { message: (error as Error)?.message } }, 'a mapped tenant’s corpus could not be read'));
  const context: PlatformContext = { env: options.env, logger, briefbot, links, work, limiter, metrics, watches: { commands, store }, ...(sharedStore ? { shared: sharedStore.shared } : {}), ...(installations ? { installations } : {}), ...(tenants ? { briefbotFor: tenants.briefbotFor } : {}) };
  let platforms: Platform[] = [];
  let enabled: ReturnType<typeof enabledOf> = [];
  let routes: Route[] = [];
  let stopDigests: () => void = () => undefined;
  if (links === null) logger.info({ event: 'context_links_off' }, 'in context links: off (set BRIEFBOT_PUBLIC_URL and BRIEFBOT_LINK_SECRET to turn them on)');
  else logger.info({ event: 'context_links_on' }, 'in context links: on (GET /quotes/<id>)');
  const server = createHttpServer({ routes: () => routes, logger, work, metrics, metricsToken: metricsToken.token, health: () => health() });
  // Ready once the corpus is indexed and the platforms are set up; never while draining.
  let platformsUp = false;
  const health = (): Health => ({
    status: closing ? 'draining' : status === 'ready' && !platformsUp ? 'starting' : status,
    platforms: Object.fromEntries(platforms.map((p) => [p.name, isEnabledPlatform(p)])),
  });
  let closing: Promise<void> | null = null;
  let stopped!: () => void;
  const stopping = new Promise<void>((resolve) => (stopped = resolve));
  const deadlineMs = options.shutdownDeadlineMs ?? SHUTDOWN_DEADLINE_MS;
  const shutdown = async (): Promise<void> => {
    const began = Date.now();
    stopped();
    logger.info({ event: 'shutdown_started', inFlight: work.active, deadlineMs }, `shutting down: finishing ${work.active} request(s) in flight (up to ${deadlineMs} ms)`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), deadlineMs);
    });
    const drained = await Promise.race([work.idle().then(() => true as const), deadline]);
    clearTimeout(timer);
    const abandoned = work.active;
    await Promise.allSettled(enabled.map((p) => p.stop?.()));
    poller?.stop();
    stopDigests();
    await live?.close();
    await tenants?.close();
    await store.close();
    installations?.close();
    await sharedStore?.pools.close().catch(() => undefined);
    server.closeAllConnections();
    await closed;
    logger.info({ event: 'shutdown_finished', drained, abandoned, durationMs: Date.now() - began }, drained ? 'shut down: every request in flight was answered' : `shut down at the deadline: ${abandoned} request(s) cut off`);
  };
  const port = await listen(server, options.port, options.host);
  logger.info({ event: 'server_listening', port, durationMs: Date.now() - started }, `listening on port ${port}`);

  // Set up after listening: Slack's auth.test (up to its timeout) must not keep health checks unanswered.
  const platformsReady = (async () => {
    const began = Date.now();
    platforms = await Promise.all(platformFactories.map((create) => create(context, options)));
    enabled = enabledOf(platforms);
    for (const platform of platforms) {
      if (isEnabledPlatform(platform)) {
        logger.info({ event: 'platform_on', platform: platform.name }, `${platform.name}: on (${platform.summary})`);
      } else {
        logger.warn({ event: 'platform_off', platform: platform.name, reason: platform.disabledReason }, `${platform.name}: off: ${platform.disabledReason}`);
      }
    }
    // A shutdown that began while Slack's auth.test was pending: nothing more to start.
    if (closing) return;
    const runner = createWatchRunner({
      store,
      posters: enabled.flatMap((p) => (p.watchPoster ? [p.watchPoster] : [])),
      logger,
      now,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    });
    onEngine = (engine) => runner.onEngine(engine);
    // Daily digests are checked every minute; the store records each one sent.
    stopDigests = startDigestClock(
      runner,
      options.digestSchedule ??
        ((fn, ms) => {
          const timer = setTimeout(() => void fn(), ms);
          timer.unref();
          return () => clearTimeout(timer);
        }),
    );
    routes = [...enabled.flatMap((p) => p.routes), ...(links === null ? [] : [createContextRoute({ briefbot, links, logger })])];
    for (const platform of enabled) {
      platform.start?.().catch((error: unknown) => {
        logger.error({ event: 'platform_start_failed', platform: platform.name, err: { code: (error as { code?: unknown })?.code } }, `${platform.name}: could not connect`);
      });
    }
    platformsUp = true;
    logger.info({ event: 'platforms_ready', platforms: enabled.map((p) => p.name), durationMs: Date.now() - began }, `platforms set up: ${enabled.map((p) => p.name).join(', ') || 'none'}`);
  })();
  platformsReady.catch(() => undefined);

  // Feeds of <corpus>/feeds.yml are polled once the corpus is open; new items land in the folder, are indexed, and watched.
  let poller: FeedPoller | null = null;
  const startFeeds = async () => {
    poller = await startFeedPoller({ corpusDir: options.corpusDir, logger, now, ...(options.feeds ? { knobs: options.feeds } : {}) });
  };
  const ready = (async () => {
    try {
      // A platform that cannot be set up (a half-made Teams configuration) fails the start like a corpus that cannot be opened.
      const [briefbot] = await Promise.all([openEngine(options.corpusDir, logger), platformsReady]);
      resolveEngine(briefbot);
      await startFeeds();
      status = 'ready';
      const loaded = (live as LiveBriefbot | null)?.current() ?? null;
      const counted = loaded ? sizeOf(loaded) : null;
      const size = loaded && counted ? { ...counted, speakers: loaded.speakers.length, problems: loaded.problems.length, index: loaded.index?.source } : {};
      logger.info(
        { event: 'engine_ready', corpusDir: options.corpusDir, ...size, platforms: enabled.map((p) => p.name), durationMs: Date.now() - started },
        loaded && counted ? `ready for questions: ${counted.articles} articles, ${counted.statements} statements, index ${loaded.index?.source ?? 'built'}, in ${Date.now() - started} ms` : `ready for questions in ${Date.now() - started} ms`,
      );
    } catch (error) {
      status = 'failed';
      rejectEngine(error);
      logger.error({ event: 'engine_failed', corpusDir: options.corpusDir, err: { message: (error as Error)?.message } }, 'could not open the corpus');
      throw error;
    }
  })();
  ready.catch(() => undefined);

  return {
    server,
    port,
    get platforms() {
      return platforms;
    },
    ready,
    platformsReady,
    health,
    metrics,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}
