import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { formatCitation } from '../../src/index.js';
import { SlackAdapterError } from './slack-error.js';
import type { SlackDeps } from './slack-deps.js';

/** The parts of a `block_actions` payload the result buttons need. */
const ResultPressSchema = z.object({
  user: z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional() }),
  actions: z.array(z.object({ value: z.string().max(2000) })).min(1),
});
const ResultValueSchema = z.object({ id: z.string().min(1).max(500) });

type ButtonArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

function readPress(body: unknown): { user: { id: string; name?: string }; id: string } {
  const press = ResultPressSchema.safeParse(body);
  let value: z.infer<typeof ResultValueSchema> | null = null;
  if (press.success) {
    try {
      const parsed = ResultValueSchema.safeParse(JSON.parse(press.data.actions[0]!.value));
      value = parsed.success ? parsed.data : null;
    } catch {
      value = null;
    }
  }
  if (!press.success || value === null) throw new SlackAdapterError('slack_bad_button_value', 'a button press carried a value Briefbot did not make');
  const name = press.data.user.name ?? press.data.user.username;
  return { user: { id: press.data.user.id, ...(name === undefined ? {} : { name }) }, id: value.id };
}

const GONE = 'That quote is no longer in the corpus. Ask again to see the current results.';

/** "Copy citation": an ephemeral message holding the citation as plain text, ready to copy. */
export function createCiteHandler(deps: SlackDeps) {
  return async ({ ack, body, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const { id } = readPress(body);
    const result = deps.briefbot.result ? await deps.briefbot.result(id) : null;
    const text = result === null ? GONE : formatCitation(result);
    // plain_text, not mrkdwn: what is shown is exactly what is copied.
    await respond({ response_type: 'ephemeral', replace_original: false, text, blocks: [{ type: 'section', text: { type: 'plain_text', text: text.slice(0, 3000), emoji: false } }] });
    deps.logger.info({ event: 'slack_cite', platform: 'slack', found: result !== null }, 'citation given');
  };
}

/** "Wrong speaker?": records a report for the editors and says so; the answer itself does not change. */
export function createReportHandler(deps: SlackDeps) {
  return async ({ ack, body, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const { user, id } = readPress(body);
    const recorded = deps.briefbot.report ? await deps.briefbot.report({ statementId: id, reporter: { platform: 'slack', ...user } }) : false;
    const text = recorded
      ? 'Thanks: reported to the editors. The answer stays as it is until an editor checks the article and records a correction.'
      : GONE;
    await respond({ response_type: 'ephemeral', replace_original: false, text, blocks: [{ type: 'section', text: { type: 'plain_text', text } }] });
    deps.logger.info({ event: 'slack_report', platform: 'slack', recorded }, 'wrong speaker reported');
  };
}
