import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { slowDownMessage } from '../../src/index.js';
import { parseSlackText } from './parse-slack-text.js';
import { postMessage } from './post-message.js';
import { conversationKey } from './conversation-key.js';
import { renderAnswer } from './render-answer.js';
import { renderWatchReply } from './render-watch-message.js';
import { toCoreQuestion, type SlackDeps } from './slack-deps.js';

/** The fields of a direct message Briefbot answers; anything else (edits, bots, joins) does not parse. */
const DirectMessageSchema = z.object({
  channel: z.string(),
  channel_type: z.literal('im'),
  user: z.string(),
  text: z.string(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
});

interface Incoming {
  surface: 'app_mention' | 'direct_message';
  /** Who asked, for the rate limit. */
  user: string | undefined;
  channel: string;
  text: string;
  threadTs: string | undefined;
}

async function answerInConversation(deps: SlackDeps, args: AllMiddlewareArgs, incoming: Incoming): Promise<void> {
  const started = Date.now();
  const decision = await deps.limiter.take(`slack:${args.context.teamId ?? '-'}:${incoming.user ?? '-'}`);
  if (!decision.allowed) {
    deps.logger.info({ event: 'rate_limited', platform: 'slack', surface: incoming.surface, retryAfterSeconds: decision.retryAfterSeconds, told: decision.first }, 'question refused: asking too fast');
    // Told once per burst: each reply is a post to Slack, which a flood must not multiply.
    if (decision.first) {
      await args.client.chat.postMessage({ channel: incoming.channel, text: slowDownMessage(decision.retryAfterSeconds), ...(incoming.threadTs === undefined ? {} : { thread_ts: incoming.threadTs }) });
    }
    return;
  }
  const question = parseSlackText(incoming.text, args.context.botUserId);
  deps.logger.debug({ event: 'slack_question', platform: 'slack', surface: incoming.surface, question }, 'question received');
  if (deps.watches) {
    const label = incoming.surface === 'direct_message' ? 'this conversation' : `<#${incoming.channel}>`;
    const reply = await deps.watches.handle(question, { platform: 'slack', channel: incoming.channel, label }, incoming.user ? `<@${incoming.user}>` : 'someone');
    if (reply) {
      await postMessage(args.client, { channel: incoming.channel, threadTs: incoming.threadTs }, renderWatchReply(reply), deps.logger);
      deps.logger.info({ event: 'slack_watch_command', platform: 'slack', surface: incoming.surface, kind: reply.kind }, 'answered a watch command');
      return;
    }
  }
  const conversation = conversationKey(incoming.channel, incoming.threadTs);
  const answer = await deps.briefbot.ask(toCoreQuestion(question), { limit: deps.pageSize, offset: 0, conversation });
  const message = renderAnswer(answer, { question, visibility: 'visible', links: deps.links });
  await postMessage(args.client, { channel: incoming.channel, threadTs: incoming.threadTs }, message, deps.logger);
  deps.logger.info(
    { event: 'slack_answer', platform: 'slack', surface: incoming.surface, kind: answer.kind, durationMs: Date.now() - started },
    `answered ${incoming.surface.replace('_', ' ')}`,
  );
}

/** `@Briefbot QUESTION` in a channel: the answer goes in a thread under the question. */
export function createMentionHandler(deps: SlackDeps) {
  return async (args: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const { event } = args;
    await answerInConversation(deps, args, {
      surface: 'app_mention',
      user: event.user,
      channel: event.channel,
      text: event.text,
      threadTs: event.thread_ts ?? event.ts,
    });
  };
}

/** A direct message to the bot (its Messages tab): answered in the conversation, in the thread if there is one. */
export function createDirectMessageHandler(deps: SlackDeps) {
  return async (args: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = DirectMessageSchema.safeParse(args.message);
    if (!parsed.success) return;
    await answerInConversation(deps, args, {
      surface: 'direct_message',
      user: parsed.data.user,
      channel: parsed.data.channel,
      text: parsed.data.text,
      threadTs: parsed.data.thread_ts,
    });
  };
}
