/** The public surface of the Briefbot core: the adapters and the CLI import from here only. */
export {
  AnswerSchema,
  ResultSchema,
  QuotationSchema,
  PassageSchema,
  SourceSchema,
  InterpretationSchema,
  SpeakerRefSchema,
  type Answer,
  type AnswerKind,
  type AskOptions,
  type Briefbot,
  type Interpretation,
  type Passage,
  type Quotation,
  type Result,
  type Unconfirmed,
  type Source,
  type SpeakerRef,
  type SpeakerSummary,
} from './answer/answer-schema.js';
export { quotationParts, type QuotationParts } from './answer/quotation-of.js';
export { openBriefbot, sizeOf, type BriefbotEngine, type OpenOptions } from './answer/open-briefbot.js';
export { PublishedDateSchema, type Article, type PublishedDate, type DatePrecision } from './corpus/article.js';
export { loadCorpus, type LoadedCorpus } from './corpus/load-corpus.js';
export { formatProblem, type CorpusProblem } from './corpus/corpus-problem.js';
export { createLogger, createSilentLogger, type Logger } from './logging.js';
export { CodedError } from './coded-error.js';
export type { Route } from './server/route.js';
export type { Statement, Speaker } from './statements/statement.js';
export { createLiveBriefbot, type LiveBriefbot } from './live/create-live-briefbot.js';
export { createStoreBriefbot, openSharedStore } from './live/create-store-briefbot.js';
export { loadTenant } from './store/store-config.js';
export { openPgWatchStore } from './store/postgres/pg-watch-store.js';
export { createPgRateLimiter } from './store/postgres/pg-rate-limiter.js';
export { parseTeamRateLimitConfig, teamKeyOf, withTeamLimit } from './limits/team-rate-limit.js';
export { createTenantBriefbots, type TenantBriefbots } from './live/create-tenant-briefbots.js';
export { createHttpServer, type Health } from './server/create-http-server.js';
export { createMetrics, type Metrics, type MetricsOptions, type RequestOutcome } from './server/create-metrics.js';
export { parseMetricsToken, hasBearerToken } from './server/metrics-token.js';
export { withAnswerMetrics, withRateLimitMetrics } from './server/with-metrics.js';
export { readRawBody, type RawBody } from './server/read-body.js';
export { installProcessGuard } from './server/process-guard.js';
export { createWorkTracker, type WorkTracker } from './server/work-tracker.js';
export { createMemoryRateLimiter, parseRateLimitConfig, slowDownMessage, UNLIMITED, type RateDecision, type RateLimiter, type RateLimitConfig } from './limits/rate-limiter.js';
export { BusyError, DEFAULT_CONCURRENCY, limitConcurrency, parseConcurrencyConfig, type ConcurrencyConfig, type ConcurrencyState } from './limits/limit-concurrency.js';
export { isEnabledPlatform, type EnabledPlatform, type Platform, type PlatformContext, type PlatformWatches } from './server/platform.js';
export { loadQuoteLinks, createQuoteLinks, LinkConfigError, QUOTES_PATH, type QuoteLinks, type LinkCheck } from './context/quote-links.js';
export type { QuoteContext, ContextParagraph } from './context/quote-context.js';
export { createContextRoute } from './context/create-context-route.js';
export { renderContextText } from './context/render-context-text.js';
export { formatPublished } from './cite/format-published.js';
export { formatCitation, citeAnswer, primarySource } from './cite/format-citation.js';
export { createMemoryConversationStore, DEFAULT_CONVERSATION_TTL_MS, type ConversationStore } from './conversation/conversation-store.js';
export { withFollowUps } from './conversation/with-follow-ups.js';
export { describeFollowUp } from './conversation/describe-follow-up.js';
export { appendReport, readReports, reportsPath, ReportSchema, type Report, type ReportInput } from './corrections/reports.js';
export { loadCorrections, CorrectionSchema, CORRECTIONS_FILE, type Correction } from './corrections/corrections-file.js';
export { CORRECTION_LABELS } from './corrections/apply-corrections.js';
export { parseWatchCommand, type WatchCommand } from './watch/parse-watch-command.js';
export { createWatchCommands, createUnavailableWatchCommands, DEFAULT_WATCH_LIMIT, type WatchCommands, type WatchReply, type WatchChecks, type TargetReach } from './watch/watch-commands.js';
export { describeWatch } from './watch/describe-watch.js';
export { openSqliteWatchStore, watchStorePath } from './watch/sqlite-watch-store.js';
export type { Watch, WatchStore, WatchTarget, Delivery, NewWatch, Daily, DigestRecord, TargetProblem } from './watch/watch.js';
export { loadWatchConfig, type WatchConfig } from './watch/watch-config.js';
export { startDigestClock, DIGEST_CHECK_MS, type Schedule } from './watch/digest-clock.js';
export { describeDaily, latestDigestSlot } from './watch/daily-slot.js';
export { matchRemarks, type ScanSource, type RemarkMatch } from './watch/match-remarks.js';
export { scanSourceOf } from './watch/scan-source-of.js';
export { deliverPending, type WatchMessage, type WatchPoster, type PostOutcome, type DeliveryRound } from './watch/deliver-watches.js';
export { scanNewArticles, type ScanOutcome } from './watch/scan-new-articles.js';
export { createWatchRunner, type WatchRunner } from './watch/watch-runner.js';
export type { SeenEvents, SharedState, InstallationRecords } from './store/shared-state.js';
export { installationsPath, openSqliteInstallations } from './store/sqlite-installations.js';
