import type { Briefbot } from '../answer/answer-schema.js';
import type { Logger } from '../logging.js';
import type { Route } from './route.js';
import type { QuoteLinks } from '../context/quote-links.js';
import type { WatchPoster } from '../watch/deliver-watches.js';
import type { WatchCommands } from '../watch/watch-commands.js';
import type { WatchStore } from '../watch/watch.js';
import type { InstallationRecords } from '../store/shared-state.js';

/** Watches for the platforms: the commands users type, and the store (Teams keeps conversation references there). */
export interface PlatformWatches {
  commands: WatchCommands;
  store: WatchStore;
}
import type { SharedState } from '../store/shared-state.js';
import type { WorkTracker } from './work-tracker.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import type { Metrics } from './create-metrics.js';

/** What a chat platform adapter is given when the server starts. */
export interface PlatformContext {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** The core; its `ask` waits while the corpus is still being indexed. */
  briefbot: Briefbot;
  /** Signed "In context" links, when BRIEFBOT_PUBLIC_URL and BRIEFBOT_LINK_SECRET are set; else null. */
  links?: QuoteLinks | null;
  /** `watch …`, `watches`, `unwatch N`, when the server keeps a watch store. */
  watches?: PlatformWatches;
  /** State shared with other replicas (handled event ids, installations), when a shared store is configured. */
  shared?: SharedState;
  /** Work in flight, which a shutdown waits for: an adapter counts what goes on after its HTTP answer (Slack's answers after the ack). */
  work?: WorkTracker;
  /** Questions per user: an adapter asks it before each typed question and answers "slow down" when refused. */
  limiter?: RateLimiter;
  /** Where an adapter counts its failed outbound calls (`recordOutboundFailure`). */
  metrics?: Metrics;
  /** Chat installations (Slack OAuth) when there is no shared store: a SQLite file beside the corpus. */
  installations?: InstallationRecords;
  /** With BRIEFBOT_TENANTS: the Briefbot answering a Slack team or Teams tenant (else `briefbot` answers all). */
  briefbotFor?: (workspace: string | undefined) => Briefbot;
}

/** A platform that is on: its routes on the shared server, and any connection of its own to open and close. */
export interface EnabledPlatform {
  name: string;
  routes: Route[];
  /** A one-line description for the start-up log, e.g. "HTTP mode, POST /slack/events". */
  summary: string;
  /** Posts watches' new quotes to this platform's channels. */
  watchPoster?: WatchPoster;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** A platform left off, with the reason (what to set to turn it on). */
export interface DisabledPlatform {
  name: string;
  disabledReason: string;
}

export type Platform = EnabledPlatform | DisabledPlatform;

/** Tells an enabled platform from a disabled one. */
export function isEnabledPlatform(platform: Platform): platform is EnabledPlatform {
  return 'routes' in platform;
}
