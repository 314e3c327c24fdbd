import { CodedError } from '../../src/index.js';

/** Stable codes of the Slack adapter's own failures, for logs and alerts. */
export type SlackErrorCode = 'slack_bad_button_value' | 'slack_answer_failed' | 'slack_auth_failed';

/** A Slack adapter failure with a stable `code`; the cause is kept for the logs, never shown to users. */
export class SlackAdapterError extends CodedError<SlackErrorCode> {}
