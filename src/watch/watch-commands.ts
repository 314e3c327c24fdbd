import type { Briefbot } from '../answer/answer-schema.js';
import type { Logger } from '../logging.js';
import { canonicalTimeZone as canonicalZone, describeDaily } from './daily-slot.js';
import { describeWatch } from './describe-watch.js';
import { countRemarks, type ScanSource } from './match-remarks.js';
import { scanSourceOf } from './scan-source-of.js';
import { parseWatchCommand } from './parse-watch-command.js';
import type { Watch, WatchStore, WatchTarget } from './watch.js';

/** Watches a channel may have at once, unless configured otherwise. */
export const DEFAULT_WATCH_LIMIT = 10;

/** The reply to a watch command: a typed outcome with the sentence to show. */
export interface WatchReply {
  kind: 'watch_added' | 'watch_list' | 'watch_removed' | 'watch_timezone' | 'watch_refused';
  text: string;
  watches?: Watch[];
}

export interface WatchCommandOptions {
  briefbot: Briefbot;
  store: WatchStore;
  now: () => Date;
  logger: Logger;
  /** Watches per channel (default 10). */
  limit?: number;
  /** The IANA time zone daily digests are read in (BRIEFBOT_TZ; default UTC). */
  timeZone?: string;
  /** The corpus served now, which "N quotes already match" counts over (default: the Briefbot's own engine). */
  corpus?: () => Promise<ScanSource>;
}

/** Whether the platform can post to a channel, as far as it can tell when a watch is set. */
export type TargetReach = { kind: 'member' } | { kind: 'unknown' } | { kind: 'not_member'; code: string; message: string };

/** What a platform checks when a watch is set (Slack: is the bot in the channel?), and what it knows of the sender. */
export interface WatchChecks {
  reach?: () => Promise<TargetReach>;
  /**
   * The sender's own IANA time zone, when the platform says it and the conversation is theirs alone
   * (a Teams personal chat): used for a daily digest when neither the command nor the chat names one.
   */
  senderTimeZone?: string;
}

const ZONE_EXAMPLE = 'an IANA time zone such as Europe/London, America/New_York or UTC';

/** `watch …`, `watches`, `unwatch N` and `timezone …`, the same on every platform. */
export interface WatchCommands {
  /** Null when the text is no watch command (a question for `ask`). `by` is who typed it. */
  handle(text: string, target: WatchTarget, by: string, checks?: WatchChecks): Promise<WatchReply | null>;
  /** Whether the text is a watch command at all, without running it. */
  isCommand(text: string): boolean;
}

/** The watch language, parsed by the core so Slack and Teams behave the same. */
export function createWatchCommands(options: WatchCommandOptions): WatchCommands {
  const { briefbot, store, now, logger } = options;
  const limit = options.limit ?? DEFAULT_WATCH_LIMIT;
  const timeZone = options.timeZone ?? 'UTC';
  const corpus = options.corpus ?? (async () => scanSourceOf(briefbot));
  const listOf = (target: WatchTarget) => store.listWatches(target);
  const what = (w: Pick<Watch, 'interpretation' | 'daily'>) => describeWatch(w.interpretation) + (w.daily ? `, ${describeDaily(w.daily)}` : '');

  return {
    isCommand: (text) => parseWatchCommand(text) !== null,
    async handle(text, target, by, checks = {}) {
      const command = parseWatchCommand(text);
      if (!command) return null;
      if (command.kind === 'bad_watch') return { kind: 'watch_refused', text: command.message };
      if (command.kind === 'watches') {
        const watches = await listOf(target);
        if (watches.length === 0) return { kind: 'watch_list', text: `Nothing is watched in ${target.label}. Try: watch Dixon on senates`, watches };
        const problem = await store.targetProblem(target.platform, target.channel);
        const mark = problem ? ' (not deliverable)' : '';
        const lines = watches.map((w, i) => `${i + 1}. ${what(w)} (set by ${w.createdBy}, ${w.createdAt.slice(0, 10)})${mark}`);
        const why = problem ? [`Not deliverable since ${problem.at.slice(0, 16).replace('T', ' ')} UTC: ${problem.message}.`] : [];
        return { kind: 'watch_list', text: [`Watched in ${target.label}:`, ...lines, ...why, 'Remove one with: unwatch N'].join('\n'), watches };
      }
      if (command.kind === 'timezone') {
        if (command.zone === null && !command.clear) {
          const current = await store.channelTimeZone(target.platform, target.channel);
          const shown = current ? `${current} (set for ${target.label})` : `${timeZone} (the server's default; set one for ${target.label} with: timezone Europe/London)`;
          return { kind: 'watch_timezone', text: `Daily digests in ${target.label} are read in ${shown}.` };
        }
        const zone = command.zone === null ? null : canonicalZone(command.zone);
        if (command.zone !== null && zone === null) {
          return { kind: 'watch_refused', text: `"${command.zone}" is not a time zone I know. Say ${ZONE_EXAMPLE}, for example: timezone Europe/London` };
        }
        const moved = await store.setChannelTimeZone(target.platform, target.channel, zone, timeZone);
        logger.info({ event: 'watch_timezone_set', platform: target.platform, zone: zone ?? timeZone, cleared: zone === null, moved }, 'channel time zone set');
        const now = zone ? `Daily digests in ${target.label} are now read in ${zone}` : `${target.label} no longer has its own time zone: daily digests are read in ${timeZone}, the server's default`;
        const digests = moved === 0 ? '' : `; ${moved} daily ${moved === 1 ? 'digest follows' : 'digests follow'} it, at the same local time`;
        return { kind: 'watch_timezone', text: `${now}${digests}.` };
      }
      if (command.kind === 'unwatch') {
        const watches = await listOf(target);
        const watch = watches[command.number - 1];
        if (!watch) {
          const has = watches.length === 0 ? 'there are no watches here' : `the watches here are numbered 1 to ${watches.length}`;
          return { kind: 'watch_refused', text: `There is no watch ${command.number} in ${target.label}: ${has} (type "watches" for the list).`, watches };
        }
        await store.removeWatch(watch.id);
        logger.info({ event: 'watch_removed', platform: target.platform, watchId: watch.id }, 'watch removed');
        return { kind: 'watch_removed', text: `Stopped watching for new ${describeWatch(watch.interpretation)} in ${target.label}.`, watches: await listOf(target) };
      }
      // A daily digest's zone: the command's own, else the channel's, else the server's default.
      let zone = timeZone;
      if (command.daily) {
        const named = command.daily.timeZone;
        const chosen = named === undefined ? await store.channelTimeZone(target.platform, target.channel) : canonicalZone(named);
        if (named !== undefined && chosen === null) {
          return { kind: 'watch_refused', text: `"${named}" is not a time zone I know. Say ${ZONE_EXAMPLE}, for example: watch Dixon on senates daily at 8:00 Europe/London` };
        }
        const sender = checks.senderTimeZone === undefined ? null : canonicalZone(checks.senderTimeZone);
        zone = chosen ?? sender ?? timeZone;
      }
      const answer = await briefbot.ask(command.question, { limit: 1 });
      if (answer.kind !== 'results' && answer.kind !== 'nothing') {
        const why = answer.kind === 'invalid' ? answer.message : `"${command.question}" is a command, not something to watch.`;
        return { kind: 'watch_refused', text: `${why} Try: watch Dixon on senates` };
      }
      const { interpretation } = answer;
      if (!interpretation.speaker && !interpretation.speakerQuery && !interpretation.topic && !interpretation.phrase) {
        return { kind: 'watch_refused', text: 'That would match every new quote. Name a speaker or a topic, for example: watch Dixon on senates' };
      }
      const daily = command.daily ? { hour: command.daily.hour, minute: command.daily.minute, timeZone: zone } : null;
      const saved = await store.addWatch({ target, question: command.question, interpretation, daily, createdBy: by, createdAt: now().toISOString() }, limit);
      if (saved === 'limit') {
        return { kind: 'watch_refused', text: `${target.label} already has ${limit} watches, the most a channel can have. Remove one first (type "watches", then unwatch N).` };
      }
      // Counted with the alerts' own matching, one per remark: what posting the corpus would post.
      const source = await corpus();
      const existing = await countRemarks(source, interpretation);
      // A channel the bot cannot post to is said now, and shown in `watches` until a post goes through.
      const reach = checks.reach ? await checks.reach().catch((): TargetReach => ({ kind: 'unknown' })) : { kind: 'unknown' as const };
      if (reach.kind === 'not_member') await store.setTargetProblem(target.platform, target.channel, { code: reach.code, message: reach.message, at: now().toISOString() });
      if (reach.kind === 'member') await store.setTargetProblem(target.platform, target.channel, null);
      const warning = reach.kind === 'not_member' ? ` ${reach.message}.` : '';
      logger.info({ event: 'watch_added', platform: target.platform, watchId: saved.id, existing, reach: reach.kind }, 'watch added');
      const count = existing === 0 ? 'no quotes in the corpus match yet' : `${existing} ${existing === 1 ? 'quote' : 'quotes'} in the corpus already ${existing === 1 ? 'matches' : 'match'}`;
      return { kind: 'watch_added', text: `Watching for new ${describeWatch(interpretation)} in ${target.label}${daily ? `, ${describeDaily(daily)}` : ''}; ${count}.${warning}`, watches: [saved] };
    },
  };
}

/** What a workspace answered from another tenant's corpus (BRIEFBOT_TENANTS) is told when it types a watch command. */
export const WATCHES_ELSEWHERE =
  "Watches aren't available in this workspace yet: it is answered from a corpus of its own, and watches follow the server's main corpus only. Questions work as usual.";

/**
 * Watch commands that are recognised but not kept (a workspace of another tenant): each gets a
 * plain refusal instead of being answered as a question about the words "watch …".
 */
export function createUnavailableWatchCommands(text: string = WATCHES_ELSEWHERE): WatchCommands {
  return {
    isCommand: (typed) => parseWatchCommand(typed) !== null,
    handle: async (typed) => (parseWatchCommand(typed) === null ? null : { kind: 'watch_refused', text }),
  };
}
