import { CloudAdapter, type ConversationReference } from 'botbuilder';
import { describeWatch, type Answer, type Logger, type PostOutcome, type QuoteLinks, type WatchMessage, type WatchPoster } from '../../src/index.js';
import { toMessage } from './briefbot-teams-bot.js';
import { renderResults } from './render-results.js';
import type { TeamsReply } from './adaptive-card.js';

/** A watch's new quotes as a card: the results renderer's card, with what was watched above them. */
export function renderWatchReply(message: WatchMessage, links: QuoteLinks | null): TeamsReply {
  const first = message.items[0]!;
  const results = message.items.map((item) => item.result);
  const note = message.daily
    ? `Daily digest: ${results.length} new ${results.length === 1 ? 'quote' : 'quotes'} for the watch: ${describeWatch(first.watch.interpretation)}`
    : message.digest
    ? `${results.length} new quotes for this conversation’s watches: ${[...new Set(message.items.map((i) => describeWatch(i.watch.interpretation)))].join('; ')}`
    : `New quote for the watch: ${describeWatch(first.watch.interpretation)}`;
  const answer: Extract<Answer, { kind: 'results' }> = { kind: 'results', interpretation: first.watch.interpretation, results, total: results.length, offset: 0, limit: results.length, note };
  const reply = renderResults(answer, links);
  const speaker = first.result.speaker?.name ?? 'an unnamed speaker';
  const outlets = [...new Set(first.result.sources.map((s) => s.outlet))].join(', ');
  return { ...reply, text: message.digest ? note : `New quote from ${speaker} (${outlets})` };
}

/**
 * Posts watch messages into Teams as proactive messages, from the conversation reference stored
 * when the watch was set (`continueConversationAsync`). The Connector's failures come back coded:
 * 403/404 mean the bot was removed from the conversation, others are worth retrying.
 */
export function createTeamsWatchPoster(options: { adapter: CloudAdapter; appId: string; logger: Logger; links: QuoteLinks | null }): WatchPoster {
  return {
    platform: 'teams',
    async post(message): Promise<PostOutcome> {
      const reference = message.reference as Partial<ConversationReference> | null;
      if (!reference || typeof reference !== 'object' || !reference.serviceUrl || !reference.conversation?.id) {
        return { ok: false, code: 'no_reference', retry: false, message: 'no conversation reference was stored for this conversation; set the watch again' };
      }
      // A failure inside the turn is kept here, not thrown: the adapter's turn-error handler would post an apology into the channel.
      let failure: unknown = null;
      try {
        await options.adapter.continueConversationAsync(options.appId, reference, async (context) => {
          try {
            await context.sendActivity(toMessage(renderWatchReply(message, options.links)));
          } catch (error) {
            failure = error;
          }
        });
      } catch (error) {
        failure = error;
      }
      if (failure === null) return { ok: true };
      const status = (failure as { statusCode?: unknown }).statusCode;
      if (status === 403 || status === 404) {
        return { ok: false, code: 'not_in_channel', retry: false, message: 'the bot is no longer in this conversation: add it again, then set the watch again' };
      }
      options.logger.debug({ event: 'teams_watch_post_error', statusCode: typeof status === 'number' ? status : undefined });
      return { ok: false, code: 'unavailable', retry: true, message: typeof status === 'number' ? `the Bot Connector answered ${status}` : 'the Bot Connector could not be reached' };
    },
  };
}
