import type { BrowseOrder } from '../answer/browse-newest.js';
import type { AppliedCorrection } from '../corrections/apply-corrections.js';
import type { Article } from '../corpus/article.js';
import type { ParsedQuestion, QuestionContext } from '../question/parsed-question.js';
import type { Speaker, Statement } from '../statements/statement.js';
import type { StatementGroup } from './group-statements.js';
import type { StatementSearch } from './statement-search.js';

/** Statements listed by speaker or article, without a search: what narrowing and browsing read. */
export interface StatementLists {
  /** The articles one speaker has statements in. */
  articlesOfSpeaker(speakerId: string): Set<string>;
  /** The statements of one speaker, in corpus order. */
  statementsOfSpeaker(speakerId: string): Statement[];
  /** The statements of one article, in corpus order. */
  statementsOfArticle(articleId: string): Statement[];
  /** How many statements one article has. */
  countOfArticle(articleId: string): number;
}

/**
 * The store seam: everything `src/answer/` reads of a corpus. The in-process store
 * (`src/store/memory-store.ts`, the default) and the PostgreSQL store (`src/store/postgres/`)
 * both give this, so the answer code never knows how statements are kept or indexed.
 */
export interface CorpusStore {
  articles: Map<string, Article>;
  statements: Map<string, Statement>;
  speakers: Map<string, Speaker>;
  /** Groups of the same remark, by statement id (a statement alone is a group of one). */
  groups: Map<string, StatementGroup>;
  /** Search with speaker, article (date and outlet) and kind narrowing. */
  search: StatementSearch;
  /** The words a text is searched by (stemmed, stop words left out): to check a passage against a topic. */
  terms(text: string): string[];
  /** The question parser's speaker and outlet lists. */
  questionContext: Omit<QuestionContext, 'now'>;
  /** The question parser for this corpus, its speaker and outlet names prepared once. */
  parseQuestion?: (text: string, now: Date) => ParsedQuestion;
  /** The ids of the articles whose date can fall in a range (and of an outlet), found through a date index. */
  articlesDated?: (from: string | null, to: string | null, outlet: string | null) => Set<string>;
  /** Statements by speaker and article, when the store can list them cheaply. */
  lists?: StatementLists;
  /** Articles in date order, for listing every quote newest first: made on first need, dropped on a change. */
  browseOrder?: BrowseOrder;
  /** Editors' corrections applied to statements, by statement id (see src/corrections/). */
  corrections?: Map<string, AppliedCorrection>;
}
