import type { Result } from './answer-schema.js';
import { toResult } from './answer-question.js';
import type { CorpusStore } from '../store/corpus-store.js';
import { isBroken } from './fill-view.js';

/** The result a statement belongs to (its group of reports of the same remark), as answers show it; null when unknown. */
export function findResult(data: CorpusStore, statementId: string): Result | null {
  const group = data.groups.get(statementId);
  if (!group || !data.statements.has(statementId) || isBroken(data, statementId)) return null;
  const members = group.members.filter((m) => !isBroken(data, m.id));
  return toResult(data, members, 0);
}
