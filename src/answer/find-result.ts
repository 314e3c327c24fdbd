import type { Result } from './answer-schema.js';
import { toResult } from './answer-question.js';
import type { CorpusStore } from '../store/corpus-store.js';

/** The result a statement belongs to (its group of reports of the same remark), as answers show it; null when unknown. */
export function findResult(data: CorpusStore, statementId: string): Result | null {
  const group = data.groups.get(statementId);
  if (!group || !data.statements.has(statementId)) return null;
  return toResult(data, group.members, 0);
}
