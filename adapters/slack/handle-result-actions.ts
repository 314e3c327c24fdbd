import type { AllMiddlewareArgs, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { formatCitation } from '../../src/index.js';
import { renderReportDone, renderReportModal, REPORT_MODAL } from './report-modal.js';
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

/**
 * "Wrong speaker?": opens a modal asking for an optional comment; the report is recorded when it is
 * submitted. Should the modal not open (an expired trigger), the report is recorded at once, without
 * a comment. The answer itself never changes by a report.
 */
export function createReportHandler(deps: SlackDeps) {
  return async ({ ack, body, respond, client }: ButtonArgs): Promise<void> => {
    await ack();
    const { user, id } = readPress(body);
    const triggerId = (body as { trigger_id?: unknown }).trigger_id;
    if (typeof triggerId === 'string') {
      try {
        await client.views.open({ trigger_id: triggerId, view: renderReportModal(id) });
        deps.logger.info({ event: 'slack_report_modal', platform: 'slack' }, 'report modal opened');
        return;
      } catch (error) {
        deps.logger.warn({ event: 'slack_report_modal_failed', platform: 'slack', slackError: (error as { data?: { error?: unknown } }).data?.error }, 'report modal did not open; reporting without a comment');
      }
    }
    const recorded = deps.briefbot.report ? await deps.briefbot.report({ statementId: id, reporter: { platform: 'slack', ...user } }) : false;
    const text = recorded
      ? 'Thanks: reported to the editors. The answer stays as it is until an editor checks the article and records a correction.'
      : GONE;
    await respond({ response_type: 'ephemeral', replace_original: false, text, blocks: [{ type: 'section', text: { type: 'plain_text', text } }] });
    deps.logger.info({ event: 'slack_report', platform: 'slack', recorded }, 'wrong speaker reported');
  };
}

/** The parts of the modal's `view_submission` the report needs. */
const ReportSubmissionSchema = z.object({
  user: z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional() }),
  view: z.object({
    private_metadata: z.string().max(600),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullable().optional() }))) }),
  }),
});

/** The modal's submission: records the report with its comment and shows the thanks in the modal. */
export function createReportSubmissionHandler(deps: SlackDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const parsed = ReportSubmissionSchema.safeParse(body);
    let id: string | null = null;
    if (parsed.success) {
      try {
        const meta = ResultValueSchema.safeParse(JSON.parse(parsed.data.view.private_metadata));
        id = meta.success ? meta.data.id : null;
      } catch {
        id = null;
      }
    }
    if (!parsed.success || id === null) {
      await ack();
      throw new SlackAdapterError('slack_bad_button_value', 'a report modal carried metadata Briefbot did not make');
    }
    const comment = parsed.data.view.state.values[REPORT_MODAL.block]?.[REPORT_MODAL.action]?.value?.trim().slice(0, 2000);
    const name = parsed.data.user.name ?? parsed.data.user.username;
    const reporter = { platform: 'slack' as const, id: parsed.data.user.id, ...(name === undefined ? {} : { name }) };
    const recorded = deps.briefbot.report ? await deps.briefbot.report({ statementId: id, reporter, ...(comment ? { comment } : {}) }) : false;
    await ack({ response_action: 'update', view: renderReportDone(recorded) });
    deps.logger.info({ event: 'slack_report', platform: 'slack', recorded, comment: comment !== undefined && comment !== '' }, 'wrong speaker reported');
  };
}
