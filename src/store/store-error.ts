import { CodedError } from '../coded-error.js';

/** Codes of the corpus store: its configuration, and later its engines. */
export type StoreErrorCode = 'STORE_CONFIG_INVALID';

/** A failure of the corpus store; the message says what to set or do. */
export class StoreError extends CodedError<StoreErrorCode> {}
