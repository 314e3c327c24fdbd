/**
 * A failure with a stable `code` for logs and alerts; the message says what to do, the cause is
 * kept for the logs. Each part of Briefbot names its own codes by extending it.
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
