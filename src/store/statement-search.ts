import type { Statement } from '../statements/statement.js';

/** What to look for among the statements. */
export interface SearchRequest {
  /** Free text to match, or null to match every statement that passes the filters. */
  text: string | null;
  /** Only statements by these speakers, when set. */
  speakerIds: ReadonlySet<string> | null;
  /** Only statements from these articles (already narrowed by date and outlet), when set. */
  articleIds: ReadonlySet<string> | null;
  /** Only direct quotes. */
  directOnly: boolean;
  /** Require every term (true), or any (false). */
  matchAll: boolean;
  /** Match the statement's own words only, not the paragraph around it (for "who said …"). */
  textOnly?: boolean;
  /** Leave out hits scoring under this share (0 to 1) of the best hit: noise next to a real match. */
  floor?: number;
}

/** True when a statement passes a request's filters (kind, speakers, articles), whatever its words. */
export function passesFilters(st: Statement | null | undefined, request: SearchRequest): st is Statement {
  return (
    st != null &&
    (!request.directOnly || st.kind === 'direct') &&
    (!request.speakerIds || (st.speakerId !== null && request.speakerIds.has(st.speakerId))) &&
    (!request.articleIds || request.articleIds.has(st.articleId))
  );
}

/** One matching statement and how well it matches (higher is better). */
export interface SearchHit {
  id: string;
  score: number;
  /** The statement itself, when the backend holds it: saves the caller a lookup a hit. */
  statement?: Statement;
}

/**
 * The search backend: the only part of Briefbot that knows how statements are indexed.
 * minisearch in one process is the default; a PostgreSQL full-text backend can implement the same.
 */
export interface StatementSearch {
  search(request: SearchRequest): Promise<SearchHit[]>;
}
