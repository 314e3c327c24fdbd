import { CodedError } from '../../src/index.js';

/** Stable codes for everything that can go wrong in the Teams adapter. */
export type TeamsErrorCode =
  | 'TEAMS_CONFIG_INVALID'
  | 'TEAMS_CONNECTOR_FAILED'
  | 'TEAMS_TURN_FAILED'
  | 'TEAMS_CARD_TOO_LARGE';

/** An error of the Teams adapter, with a stable `code` for logs and the original error as `cause`. */
export class TeamsError extends CodedError<TeamsErrorCode> {}

/** Gives any error thrown during a turn a stable code: ours kept, HTTP failures of the Connector told apart. */
export function codeOf(error: unknown): TeamsErrorCode {
  if (error instanceof TeamsError) return error.code;
  if (typeof error === 'object' && error !== null && typeof (error as { statusCode?: unknown }).statusCode === 'number') {
    return 'TEAMS_CONNECTOR_FAILED';
  }
  // A Connector call past its deadline, or one that never reached it (the SDK's HTTP pipeline's errors).
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError' || name === 'RestError') return 'TEAMS_CONNECTOR_FAILED';
  return 'TEAMS_TURN_FAILED';
}
