import {
  ActivityHandler,
  CardFactory,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  TurnContext,
} from 'botbuilder';
import { slowDownMessage, UNLIMITED, type Briefbot, type Logger, type PlatformWatches, type QuoteLinks, type RateLimiter } from '../../src/index.js';
import { answerResultAction, ResultActionDataSchema } from './result-actions.js';
import type { TeamsReply } from './adaptive-card.js';
import { extractQuestion } from './extract-question.js';
import { MoreResultsDataSchema } from './more-results.js';
import { renderAnswer, renderWelcome } from './render-answer.js';

/** What the bot needs: the core to ask, a logger, and how many results make a page. */
export interface BriefbotTeamsBotOptions {
  briefbot: Briefbot;
  logger: Logger;
  /** Results per card (default 5). */
  pageSize?: number;
  /** Signed "In context" links, when a public URL is configured. */
  links?: QuoteLinks | null;
  /** Questions per user; default: no limit. */
  limiter?: RateLimiter;
  /** `watch …`, `watches`, `unwatch N`, and where the conversation reference for posting later is kept. */
  watches?: PlatformWatches;
}

/** Says a button's data was not ours (an old card, another app's button); the user can type instead. */
const UNKNOWN_BUTTON = 'That button is not one I know. Type your question instead, or "help" for examples.';

/**
 * The Teams bot: answers personal messages, channel and group messages that mention it, card
 * submits for more results, and greets the conversation it is added to.
 */
export class BriefbotTeamsBot extends ActivityHandler {
  private readonly briefbot: Briefbot;
  private readonly logger: Logger;
  private readonly pageSize: number;
  private readonly links: QuoteLinks | null;
  private readonly limiter: RateLimiter;
  private readonly watches: PlatformWatches | null;

  constructor(options: BriefbotTeamsBotOptions) {
    super();
    this.briefbot = options.briefbot;
    this.logger = options.logger;
    this.pageSize = options.pageSize ?? 5;
    this.links = options.links ?? null;
    this.limiter = options.limiter ?? UNLIMITED;
    this.watches = options.watches ?? null;

    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (botId && (context.activity.membersAdded ?? []).some((member) => member.id === botId)) {
        await this.welcome(context);
      }
      await next();
    });
  }

  /** Action.Execute arrives as an `adaptiveCard/action` invoke: the answer replaces the card that was clicked. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const data = MoreResultsDataSchema.safeParse(invokeValue.action.data);
    if (!data.success) {
      this.logger.warn({ event: 'teams_unknown_button', form: 'invoke' });
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: UNKNOWN_BUTTON } };
    }
    const reply = await this.answer(data.data.question, data.data.offset, conversationOf(context.activity));
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { ...reply.card } };
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    // Action.Submit arrives as a message whose `value` is the button's data and whose text is empty.
    if (activity.value !== undefined && (activity.text ?? '').trim() === '') {
      const resultAction = ResultActionDataSchema.safeParse(activity.value);
      if (resultAction.success) {
        const reporter = { platform: 'teams' as const, id: activity.from?.id ?? 'unknown', ...(activity.from?.name ? { name: activity.from.name } : {}) };
        await context.sendActivity({ type: 'message', text: await answerResultAction(this.briefbot, resultAction.data, reporter), textFormat: 'plain' });
        this.logger.info({ event: 'teams_result_action', action: resultAction.data.action });
        return;
      }
      const data = MoreResultsDataSchema.safeParse(activity.value);
      if (!data.success) {
        this.logger.warn({ event: 'teams_unknown_button', form: 'submit' });
        await context.sendActivity({ type: 'message', text: UNKNOWN_BUTTON, textFormat: 'plain' });
        return;
      }
      await context.sendActivity(toMessage(await this.answer(data.data.question, data.data.offset, conversationOf(activity))));
      return;
    }
    const question = extractQuestion(activity);
    if (question.kind === 'ignore') {
      this.logger.debug({ event: 'teams_ignored', reason: question.reason });
      return;
    }
    const tenant = activity.conversation?.tenantId ?? '-';
    const decision = await this.limiter.take(`teams:${tenant}:${activity.from?.aadObjectId ?? activity.from?.id ?? '-'}`);
    if (!decision.allowed) {
      this.logger.info({ event: 'rate_limited', surface: 'message', retryAfterSeconds: decision.retryAfterSeconds }, 'question refused: asking too fast');
      await context.sendActivity({ type: 'message', text: slowDownMessage(decision.retryAfterSeconds), textFormat: 'plain' });
      return;
    }
    if (this.watches && activity.conversation?.id) {
      const conversation = activity.conversation;
      const label = conversation.name ? conversation.name : conversation.conversationType === 'personal' ? 'this chat' : 'this conversation';
      // In a personal chat the conversation is the sender's: their Teams client's time zone is the chat's.
      const zone = conversation.conversationType === 'personal' && typeof activity.localTimezone === 'string' ? { senderTimeZone: activity.localTimezone } : {};
      const reply = await this.watches.commands.handle(question.text, { platform: 'teams', channel: conversation.id, label }, activity.from?.name ?? activity.from?.id ?? 'unknown', zone);
      if (reply) {
        // The reference is what a proactive message needs later: the service URL, conversation and bot.
        if (reply.kind === 'watch_added') await this.watches.store.saveReference('teams', conversation.id, TurnContext.getConversationReference(activity));
        await context.sendActivity({ type: 'message', text: reply.text, textFormat: 'plain' });
        this.logger.info({ event: 'teams_watch_command', kind: reply.kind });
        return;
      }
    }
    await context.sendActivity(toMessage(await this.answer(question.text, 0, conversationOf(activity))));
  }

  private async welcome(context: TurnContext): Promise<void> {
    const help = await this.briefbot.ask('help');
    if (help.kind !== 'help') throw new Error(`the core answered "help" with ${help.kind}`);
    await context.sendActivity(toMessage(renderWelcome(help)));
    this.logger.info({ event: 'teams_welcomed', conversationType: context.activity.conversation?.conversationType });
  }

  private async answer(question: string, offset: number, conversation?: string): Promise<TeamsReply> {
    const started = Date.now();
    this.logger.debug({ event: 'teams_question', question, offset });
    const answer = await this.briefbot.ask(question, { limit: this.pageSize, offset, ...(conversation === undefined ? {} : { conversation }) });
    const reply = renderAnswer(answer, this.links);
    this.logger.info({ event: 'teams_answered', kind: answer.kind, offset, durationMs: Date.now() - started });
    return reply;
  }
}

/** The conversation a message belongs to, for follow-ups (a channel thread has its own id). */
function conversationOf(activity: Activity): string | undefined {
  const id = activity.conversation?.id;
  return id ? `teams:${id}` : undefined;
}

/** A message activity carrying the card, with its plain-text twin shown verbatim. */
export function toMessage(reply: TeamsReply): Partial<Activity> {
  return { type: 'message', text: reply.text, textFormat: 'plain', attachments: [CardFactory.adaptiveCard(reply.card)] };
}
