import { buildQuoteContext, type QuoteContext } from '../context/quote-context.js';
import type { CorpusStore } from '../store/corpus-store.js';
import { isBroken } from './fill-view.js';

/** The context of one statement of the engine, with its (possibly corrected) speaker; null when unknown. */
export function findQuoteContext(data: CorpusStore, statementId: string): QuoteContext | null {
  const statement = data.statements.get(statementId);
  const article = statement ? data.articles.get(statement.articleId) : undefined;
  if (!statement || !article || isBroken(data, statementId)) return null;
  const speaker = statement.speakerId ? (data.speakers.get(statement.speakerId) ?? null) : null;
  return buildQuoteContext(article, statement, speaker, data.corrections?.get(statementId)?.label ?? null);
}
