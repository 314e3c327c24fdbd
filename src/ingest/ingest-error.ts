import { CodedError } from '../coded-error.js';

/** Why adding an article failed; `code` is stable, `message` says what to do. */
export type IngestErrorCode =
  | 'bad_url'
  | 'private_address'
  | 'dns_failed'
  | 'network'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'not_html'
  | 'no_body'
  | 'no_date'
  | 'no_title'
  | 'no_url'
  | 'bad_field'
  | 'bad_feed'
  | 'write_failed';

/** A failure to fetch, read or write an article, with a stable code and the cause kept. */
export class IngestError extends CodedError<IngestErrorCode> {}

/** Tells whether `error` is an IngestError. */
export function isIngestError(error: unknown): error is IngestError {
  return error instanceof IngestError;
}
