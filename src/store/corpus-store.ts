import type { BrowseOrder } from '../answer/browse-newest.js';
import type { AppliedCorrection } from '../corrections/apply-corrections.js';
import type { Article } from '../corpus/article.js';
import type { ParsedQuestion, QuestionContext } from '../question/parsed-question.js';
import type { Speaker, Statement } from '../statements/statement.js';
import type { StatementGroup } from './group-statements.js';
import type { StatementSearch } from './statement-search.js';
import type { ListedGroup } from './list-by-date.js';

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

/** What ranking and narrowing read of an article: its metadata without the body. */
export type ArticleMeta = Pick<Article, 'id' | 'title' | 'outlet' | 'url' | 'published'>;

/** One listed group when browsing every quote newest first, at its first source. */
export type BrowsedGroup = ListedGroup;

/** What a step of one question reads next: loaded by `CorpusView.fill` before that step reads it synchronously. */
export interface ViewNeeds {
  /** Search hits: their groups (every member) and the metadata of the members' articles. */
  hits?: Statement[];
  /** Statements by id, with their groups, when the question has ids and no hits (a quote's context). */
  ids?: Iterable<string>;
  /** Articles to read whole, bodies included (the results on the page, a passage's paragraph). */
  bodies?: Iterable<string>;
  /** Articles whose metadata (date, outlet) narrowing reads. */
  meta?: Iterable<string>;
}

/**
 * One question's view of a store that does not hold the corpus: its own maps, empty until filled.
 * `fill` reads what the next step needs; statements whose rows do not fit their article once its
 * body is read are left out of the view (and reported by the store), never shown.
 */
export interface CorpusView extends CorpusStore {
  fill(needs: ViewNeeds): Promise<void>;
  /** Statements found broken once their article was read: the answer drops them. */
  broken: Set<string>;
}

/** Reads a corpus that is not held in memory (a store reading on demand), some articles at a time. */
export interface CorpusReader {
  articleIds(): Promise<string[]>;
  /**
   * The articles that can hold a direct statement with every word of `text` (in it, or around it
   * unless `textOnly`) and, when given, by the speaker: a superset of what a watch can match there.
   */
  articlesWith(text: string | null, speakerId: string | null, textOnly: boolean): Promise<string[]>;
  /** The articles, whole, and their statements (rows that do not fit left out). */
  read(articleIds: string[]): Promise<{ articles: Article[]; statements: Statement[] }>;
}

/**
 * The reads of a store that keeps the corpus elsewhere (PostgreSQL): what the answer code would
 * otherwise find by walking the maps of a store held in memory. Each question works on its own view.
 */
export interface CorpusReads extends CorpusReader {
  view(): CorpusView;
  articleCount(): number;
  statementCount(): number;
  /** Statements per speaker, for suggestions and the speakers list. */
  speakerCounts(): Map<string, number>;
  articlesDated(from: string | null, to: string | null, outlet: string | null): Promise<Set<string>>;
  articlesOfSpeaker(speakerId: string): Promise<Set<string>>;
  statementsOfSpeaker(speakerId: string): Promise<Statement[]>;
  /** How many articles mention a name (case ignored) in their body. */
  mentions(needle: string): Promise<number>;
  /** Every article newest first with its statement count. */
  sources(): Promise<Array<{ article: ArticleMeta; statements: number }>>;
  /** Every quote of some articles (or all) as groups newest first: the first `want`, and how many in all. */
  browse(articleIds: ReadonlySet<string> | null, want: number, view: CorpusView): Promise<{ top: BrowsedGroup[]; total: number }>;
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
  /** Article metadata loaded without the bodies (a view of a store that reads on demand). */
  articleMeta?: Map<string, ArticleMeta>;
  /** Set by a store that does not hold the corpus: the maps above are then a question's view, filled through it. */
  reads?: CorpusReads;
}

/** An article's metadata, from the whole article or from metadata read alone. */
export function metaOf(data: CorpusStore, articleId: string): ArticleMeta | undefined {
  return data.articles.get(articleId) ?? data.articleMeta?.get(articleId);
}
