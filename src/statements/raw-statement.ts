import type { Span } from './segment.js';
import type { StatementKind } from './statement.js';

/** A statement before speakers get their public ids: `speaker` is a registry key. */
export interface RawStatement {
  start: number;
  end: number;
  kind: StatementKind;
  speaker: string | null;
  cue: string | null;
  /** The whole quotation a direct statement belongs to. */
  quotation?: Span;
}

/** Who a statement is given to, and by which words. */
export interface Attribution {
  speaker: string | null;
  cue: string | null;
}
