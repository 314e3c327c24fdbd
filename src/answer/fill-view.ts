import type { CorpusStore, CorpusView, ViewNeeds } from '../store/corpus-store.js';

/** Reads what the next step needs into a question's view; nothing to do for a store held in memory. */
export async function fillView(data: CorpusStore, needs: ViewNeeds): Promise<void> {
  const view = data as Partial<CorpusView>;
  if (view.fill) await view.fill(needs);
}

/** True when a statement was found not to fit its article once the article was read (never shown). */
export function isBroken(data: CorpusStore, statementId: string): boolean {
  return (data as Partial<CorpusView>).broken?.has(statementId) ?? false;
}

/** The view a question works on: the store itself when it holds the corpus, else a fresh view of it. */
export function questionView(data: CorpusStore): CorpusStore {
  return data.reads ? data.reads.view() : data;
}
