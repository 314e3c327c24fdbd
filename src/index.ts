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
export { openBriefbot, type BriefbotEngine, type OpenOptions } from './answer/open-briefbot.js';
export { PublishedDateSchema, type Article, type PublishedDate, type DatePrecision } from './corpus/article.js';
export { loadCorpus, type LoadedCorpus } from './corpus/load-corpus.js';
export { formatProblem, type CorpusProblem } from './corpus/corpus-problem.js';
export { createLogger, createSilentLogger, type Logger } from './logging.js';
export { CodedError } from './coded-error.js';
export type { Route } from './server/route.js';
export type { Statement, Speaker } from './statements/statement.js';
export { createLiveBriefbot, type LiveBriefbot } from './live/create-live-briefbot.js';
export { createHttpServer, type Health } from './server/create-http-server.js';
export { isEnabledPlatform, type Platform, type PlatformContext } from './server/platform.js';
