import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import { slowDownMessage, type Answer } from '../../src/index.js';
import { parseSlackText } from './parse-slack-text.js';
import { renderAnswer } from './render-answer.js';
import { renderWatchReply } from './render-watch-message.js';
import { toCoreQuestion, type SlackDeps } from './slack-deps.js';

type Outcome = { kind: 'answer'; answer: Answer } | { kind: 'late' };

function waitAtMost(promise: Promise<Answer>, ms: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'late' }), ms);
  });
  return Promise.race([promise.then((answer): Outcome => ({ kind: 'answer', answer })), late]).finally(() => clearTimeout(timer));
}

/**
 * `/brief QUESTION`: the answer goes back in the acknowledgement itself, seen only by the asker.
 * Should the core be slow (e.g. still indexing), the ack says "Searching…" in time and the
 * answer follows through the command's `response_url`.
 */
export function createCommandHandler(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs): Promise<void> => {
    const started = Date.now();
    const decision = await deps.limiter.take(`slack:${command.team_id}:${command.user_id}`);
    if (!decision.allowed) {
      deps.logger.info({ event: 'rate_limited', platform: 'slack', surface: 'slash_command', retryAfterSeconds: decision.retryAfterSeconds }, 'question refused: asking too fast');
      await ack({ response_type: 'ephemeral', text: slowDownMessage(decision.retryAfterSeconds) });
      return;
    }
    const question = parseSlackText(command.text ?? '');
    deps.logger.debug({ event: 'slack_question', platform: 'slack', surface: 'slash_command', question }, 'question received');
    if (deps.watches) {
      const label = command.channel_name === 'directmessage' || !command.channel_name ? 'this conversation' : `#${command.channel_name}`;
      const reply = await deps.watches.handle(question, { platform: 'slack', channel: command.channel_id, label }, command.user_name ? `@${command.user_name}` : command.user_id);
      if (reply) {
        await ack({ response_type: 'ephemeral', ...renderWatchReply(reply) });
        deps.logger.info({ event: 'slack_watch_command', platform: 'slack', kind: reply.kind }, 'answered a watch command');
        return;
      }
    }
    const pending = deps.briefbot.ask(toCoreQuestion(question), { limit: deps.pageSize, offset: 0 });
    let outcome: Outcome;
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
