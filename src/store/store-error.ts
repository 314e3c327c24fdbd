import { CodedError } from '../coded-error.js';

/** Codes of the corpus store: its configuration, its database and its queries. */
export type StoreErrorCode = 'STORE_CONFIG_INVALID' | 'STORE_UNREACHABLE' | 'STORE_NOT_MIGRATED' | 'STORE_MIGRATION_FAILED' | 'STORE_QUERY_FAILED';

/** A failure of the corpus store; the message says what to set or do. */
export class StoreError extends CodedError<StoreErrorCode> {}
