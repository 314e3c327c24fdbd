import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { decodeButtonValue, type ButtonValue } from './button-value.js';
import { postMessage } from './post-message.js';
import { conversationKey } from './conversation-key.js';
import { renderAnswer } from './render-answer.js';
import { renderSharedResult, renderShareUnavailable } from './render-share.js';
import { SlackAdapterError } from './slack-error.js';
import type { SlackDeps } from './slack-deps.js';

/** The parts of a `block_actions` payload the buttons need. */
const ButtonPressSchema = z.object({
  user: z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional() }),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ is_ephemeral: z.boolean().optional() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ value: z.string().optional() })).min(1),
});
type ButtonPress = z.infer<typeof ButtonPressSchema>;

type ButtonArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

function readPress(body: unknown): { press: ButtonPress; value: ButtonValue } {
  const press = ButtonPressSchema.safeParse(body);
  const value = press.success ? decodeButtonValue(press.data.actions[0]?.value) : null;
  if (!press.success || value === null) {
    throw new SlackAdapterError('slack_bad_button_value', 'a button press carried a value Briefbot did not make');
  }
  return { press: press.data, value };
}

/** "Share in channel": posts the one result visibly in the channel, saying who shared it. */
export function createShareHandler(deps: SlackDeps) {
  return async ({ ack, body, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const started = Date.now();
    const { press, value } = readPress(body);
    const answer = await deps.briefbot.ask(value.q, { offset: value.o, limit: 1 });
    const result = answer.kind === 'results' ? answer.results[0] : undefined;
    if (result === undefined || (value.id !== undefined && result.id !== value.id)) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderShareUnavailable() });
      deps.logger.info({ event: 'slack_share_unavailable', platform: 'slack', durationMs: Date.now() - started }, 'shared result no longer found');
      return;
    }
    const sharer = { id: press.user.id, name: press.user.name ?? press.user.username };
    await respond({ response_type: 'in_channel', replace_original: false, ...renderSharedResult(result, sharer) });
    deps.logger.info({ event: 'slack_share', platform: 'slack', durationMs: Date.now() - started }, 'shared a result in the channel');
  };
}

/** "More results": the next page, privately under an ephemeral answer, else in the answer's thread. */
export function createMoreHandler(deps: SlackDeps) {
  return async ({ ack, body, respond, client }: ButtonArgs): Promise<void> => {
    await ack();
    const started = Date.now();
    const { press, value } = readPress(body);
    const channelId = press.channel?.id;
    const ephemeral = press.container?.is_ephemeral === true || channelId === undefined;
    // A page of a visible answer in a thread or DM is read with that conversation's previous question, so "More" after "and in 2011?" pages the merged query.
    const conversation = ephemeral || channelId === undefined ? undefined : conversationKey(channelId, press.message?.thread_ts);
    const answer = await deps.briefbot.ask(value.q, { offset: value.o, limit: value.l, ...(conversation === undefined ? {} : { conversation }) });
    const message = renderAnswer(answer, { question: value.q, visibility: ephemeral ? 'ephemeral' : 'visible', links: deps.links });
    if (ephemeral || channelId === undefined) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } else {
      await postMessage(client, { channel: channelId, threadTs: press.message?.thread_ts }, message, deps.logger);
    }
    deps.logger.info(
      { event: 'slack_answer', platform: 'slack', surface: 'more_results', kind: answer.kind, offset: value.o, durationMs: Date.now() - started },
      'answered more results',
    );
  };
}
