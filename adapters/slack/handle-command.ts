import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import { slowDownMessage, type Answer, type WatchReply } from '../../src/index.js';
import { parseSlackText } from './parse-slack-text.js';
import { renderAnswer } from './render-answer.js';
import { renderWatchReply } from './render-watch-message.js';
import { toCoreQuestion, type SlackDeps } from './slack-deps.js';

type Outcome<T> = { kind: 'answer'; answer: T } | { kind: 'late' };

function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'late' }), ms);
  });
  return Promise.race([promise.then((answer): Outcome<T> => ({ kind: 'answer', answer })), late]).finally(() => clearTimeout(timer));
}

/**
 * `/brief QUESTION`: the answer goes back in the acknowledgement itself, seen only by the asker.
 * Should the core be slow (e.g. still indexing), the ack says "Searching…" in time and the
 * answer follows through the command's `response_url`.
 */
export function createCommandHandler(deps: SlackDeps) {
  return async ({ command, ack, respond, context }: SlackCommandMiddlewareArgs & { context?: { botToken?: string | undefined } }): Promise<void> => {
    const started = Date.now();
    const decision = await deps.limiter.take(`slack:${command.team_id}:${command.user_id}`);
    if (!decision.allowed) {
      deps.logger.info({ event: 'rate_limited', platform: 'slack', surface: 'slash_command', retryAfterSeconds: decision.retryAfterSeconds }, 'question refused: asking too fast');
      await ack({ response_type: 'ephemeral', text: slowDownMessage(decision.retryAfterSeconds) });
      return;
    }
    const question = parseSlackText(command.text ?? '');
    deps.logger.debug({ event: 'slack_question', platform: 'slack', surface: 'slash_command', question }, 'question received');
    if (deps.watches?.isCommand(question)) {
      const direct = command.channel_name === 'directmessage' || !command.channel_name;
      const label = direct ? 'this conversation' : `#${command.channel_name}`;
      // Is the bot in the channel it will post to? Asked, not tried (a direct message needs no invite).
      const membership = deps.membership;
      const checks = direct || !membership ? {} : { reach: () => membership(command.channel_id, label, context?.botToken) };
      const pending = deps.watches.handle(question, { platform: 'slack', channel: command.channel_id, label }, command.user_name ? `@${command.user_name}` : command.user_id, checks);
      // Counting the matches reads the whole corpus (and waits for a first index): ack in time, answer later if need be.
      let outcome: Outcome<WatchReply | null>;
      try {
        outcome = await waitAtMost(pending, deps.ackDeadlineMs);
      } catch (error) {
        await ack();
        throw error;
      }
      const render = (reply: WatchReply | null) => renderWatchReply(reply ?? { kind: 'watch_refused', text: 'Say what to watch for, for example: watch Dixon on senates' });
      let reply: WatchReply | null;
      if (outcome.kind === 'answer') {
        reply = outcome.answer;
        await ack({ response_type: 'ephemeral', ...render(reply) });
      } else {
        await ack({ response_type: 'ephemeral', text: 'Setting up the watch…' });
        reply = await pending;
        await respond({ response_type: 'ephemeral', replace_original: true, ...render(reply) });
      }
      deps.logger.info({ event: 'slack_watch_command', platform: 'slack', kind: reply?.kind, late: outcome.kind === 'late', durationMs: Date.now() - started }, 'answered a watch command');
      return;
    }
    const pending = deps.briefbot.ask(toCoreQuestion(question), { limit: deps.pageSize, offset: 0 });
    let outcome: Outcome<Answer>;
    try {
      outcome = await waitAtMost(pending, deps.ackDeadlineMs);
    } catch (error) {
      // Acknowledge anyway so Slack shows no timeout; the error handler apologises via response_url.
      await ack();
      throw error;
    }
    const options = { question, visibility: 'ephemeral' as const, links: deps.links };
    let answer: Answer;
    if (outcome.kind === 'answer') {
      answer = outcome.answer;
      await ack({ response_type: 'ephemeral', ...renderAnswer(answer, options) });
    } else {
      await ack({ response_type: 'ephemeral', text: 'Searching the articles…' });
      answer = await pending;
      await respond({ response_type: 'ephemeral', replace_original: true, ...renderAnswer(answer, options) });
    }
    deps.logger.info(
      { event: 'slack_answer', platform: 'slack', surface: 'slash_command', kind: answer.kind, late: outcome.kind === 'late', durationMs: Date.now() - started },
      'answered slash command',
    );
  };
}
