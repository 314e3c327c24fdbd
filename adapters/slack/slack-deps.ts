import type { Briefbot, Logger, QuoteLinks, RateLimiter, TargetReach, WatchCommands } from '../../src/index.js';
import type { EventDeduper } from './create-event-deduper.js';

/** What every Slack handler needs: the core to ask, where to log, and the adapter's settings. */
export interface SlackDeps {
  briefbot: Briefbot;
  logger: Logger;
  deduper: EventDeduper;
  /** Results per answer (default 5). */
  pageSize: number;
  /** How long a slash command waits for the answer before acknowledging with "Searching…" (Slack allows 3 s). */
  ackDeadlineMs: number;
  /** Signed "In context" links, when a public URL is configured. */
  links: QuoteLinks | null;
  /** The watch commands, when the server keeps watches. */
  watches: WatchCommands | null;
  /** Whether the bot is in a channel (`conversations.info`), asked when a watch is set there. */
  membership: ((channel: string, label: string, token?: string) => Promise<TargetReach>) | null;
  /** Questions per user (slash commands, mentions, direct messages). */
  limiter: RateLimiter;
}

/** The question to ask the core: an empty question asks for help. */
export function toCoreQuestion(question: string): string {
  return question === '' ? 'help' : question;
}
