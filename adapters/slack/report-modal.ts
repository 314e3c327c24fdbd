import type { types } from '@slack/bolt';

type View = types.View;

/** The callback id of the "Wrong speaker?" modal, and its comment field's block and action ids. */
export const REPORT_MODAL = { callbackId: 'briefbot_report_modal', block: 'comment', action: 'comment_input' } as const;

/** The modal that asks for an optional comment before a "Wrong speaker?" report is recorded; the statement id rides in private_metadata. */
export function renderReportModal(statementId: string): View {
  return {
    type: 'modal',
    callback_id: REPORT_MODAL.callbackId,
    private_metadata: JSON.stringify({ id: statementId }),
    title: { type: 'plain_text', text: 'Wrong speaker?' },
    submit: { type: 'plain_text', text: 'Report' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: { type: 'plain_text', text: 'The editors will check the article. The answer does not change until an editor records a correction.' },
      },
      {
        type: 'input',
        block_id: REPORT_MODAL.block,
        optional: true,
        label: { type: 'plain_text', text: 'What is wrong? (optional)' },
        element: { type: 'plain_text_input', action_id: REPORT_MODAL.action, multiline: true, max_length: 2000, placeholder: { type: 'plain_text', text: 'e.g. this is Jeremy Hunt, not Michael Dixon' } },
      },
    ],
  };
}

/** The view the modal turns into once the report is recorded (or the quote was gone). */
export function renderReportDone(recorded: boolean): View {
  const text = recorded
    ? 'Thanks: reported to the editors. The answer stays as it is until an editor checks the article and records a correction.'
    : 'That quote is no longer in the corpus, so nothing was reported. Ask again to see the current results.';
  return { type: 'modal', title: { type: 'plain_text', text: 'Wrong speaker?' }, close: { type: 'plain_text', text: 'Close' }, blocks: [{ type: 'section', text: { type: 'plain_text', text } }] };
}
