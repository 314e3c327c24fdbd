import type { Statement } from '../statements/statement.js';
import { analyseText, createTextAnalyser } from './analyse-text.js';
import type { IndexedStatement } from './minisearch-search.js';
import { passesFilters, type SearchHit, type SearchRequest, type StatementSearch } from '../store/statement-search.js';
import type { Synonyms } from './synonyms.js';
import { TermIndex, type Narrowing, type TermIndexState, type TermQuery } from './term-index.js';

/**
 * The default search backend: the same matching and scores as `MiniSearchStatementSearch`, with a
 * query plan that makes the common question cheap. A named speaker (and then dates and outlets)
 * narrows the documents before any scoring, so "what did Dixon say about senates?" reads only
 * Dixon's statements; typo and prefix matching run only for a term the corpus lacks.
 */
export class IndexedStatementSearch implements StatementSearch {
  private readonly docs: Array<Statement | null>;
  private readonly docOf = new Map<string, number>();
  private readonly bySpeaker = new Map<string, number[]>();
  private readonly byArticle = new Map<string, number[]>();
  private readonly tokens: (text: string) => string[];

  private constructor(
    private readonly index: TermIndex,
    docs: Array<Statement | null>,
    private readonly synonyms: Synonyms,
  ) {
    const analyse = createTextAnalyser();
    this.tokens = (text) => synonyms.apply(analyse(text), true);
    this.docs = docs;
    docs.forEach((st, doc) => st && this.register(st, doc));
  }

  /** Indexes statements with the paragraph around each. */
  static build(items: IndexedStatement[], synonyms: Synonyms): IndexedStatementSearch {
    const analyse = createTextAnalyser();
    const tokens = (text: string) => synonyms.apply(analyse(text), true);
    let lastContext: string | null = null;
    let lastTokens: string[] = [];
    const fields = function* (): Generator<string[][]> {
      for (const { statement, context } of items) {
        // Statements of one paragraph share their context: analyse it once.
        if (context !== lastContext) {
          lastContext = context;
          lastTokens = tokens(context);
        }
        yield [tokens(statement.text), lastTokens];
      }
    };
    const index = TermIndex.build(fields());
    return new IndexedStatementSearch(index, items.map((i) => i.statement), synonyms);
  }

  /**
   * Rebuilds the search from a saved index and its statements in document order (null: removed).
   * `stale` documents (of files changed since the save) are dropped from the index.
   */
  static fromState(state: TermIndexState, docs: Array<Statement | null>, synonyms: Synonyms, stale: number[] = []): IndexedStatementSearch {
    const index = TermIndex.fromState(state);
    if (stale.length) index.removeDocs(stale);
    return new IndexedStatementSearch(index, docs, synonyms);
  }

  /** The index and its statements in document order, for saving. */
  toState(): { index: TermIndexState; docs: Array<Statement | null> } {
    return { index: this.index.toState(), docs: this.docs };
  }

  private register(st: Statement, doc: number): void {
    this.docOf.set(st.id, doc);
    if (st.speakerId) (this.bySpeaker.get(st.speakerId) ?? this.bySpeaker.set(st.speakerId, []).get(st.speakerId)!).push(doc);
    (this.byArticle.get(st.articleId) ?? this.byArticle.set(st.articleId, []).get(st.articleId)!).push(doc);
  }

  /** Adds statements (of new or changed articles) without rebuilding. */
  add(items: IndexedStatement[]): void {
    for (const { statement, context } of items) {
      if (this.docOf.has(statement.id)) continue;
      const doc = this.index.add([this.tokens(statement.text), this.tokens(context)]);
      this.docs[doc] = statement;
      this.register(statement, doc);
    }
  }

  /** Removes statements by id; unknown ids are ignored. */
  remove(ids: Iterable<string>): void {
    const docs: number[] = [];
    const speakers = new Set<string>();
    const articles = new Set<string>();
    for (const id of ids) {
      const doc = this.docOf.get(id);
      if (doc === undefined) continue;
      const st = this.docs[doc]!;
      docs.push(doc);
      if (st.speakerId) speakers.add(st.speakerId);
      articles.add(st.articleId);
      this.docs[doc] = null;
      this.docOf.delete(id);
    }
    if (!docs.length) return;
    this.index.removeDocs(docs);
    const prune = (map: Map<string, number[]>, keys: Set<string>) => {
      for (const key of keys) {
        const list = map.get(key)!.filter((d) => this.docs[d] !== null);
        if (list.length) map.set(key, list);
        else map.delete(key);
      }
    };
    prune(this.bySpeaker, speakers);
    prune(this.byArticle, articles);
  }

  /** The statements of one article, in document order. */
  statementsOfArticle(articleId: string): Statement[] {
    return (this.byArticle.get(articleId) ?? []).map((d) => this.docs[d]!);
  }

  /** The articles one speaker has statements in. */
  articlesOfSpeaker(speakerId: string): Set<string> {
    return new Set((this.bySpeaker.get(speakerId) ?? []).map((d) => this.docs[d]!.articleId));
  }

  /** How many statements one article has. */
  countOfArticle(articleId: string): number {
    return this.byArticle.get(articleId)?.length ?? 0;
  }

  /** The statements of one speaker, in document order. */
  statementsOfSpeaker(speakerId: string): Statement[] {
    return (this.bySpeaker.get(speakerId) ?? []).map((d) => this.docs[d]!);
  }

  /**
   * Statements of the same speaker sharing at least one term with this one's words (it excluded),
   * best first: the candidates for "the same remark" when grouping a new statement.
   */
  similarStatements(st: Statement, limit = 50): Statement[] {
    if (!st.speakerId) return [];
    const queries = [...new Set(this.tokens(st.text))].map((term) => ({ term, prefix: false, fuzzy: false as const }));
    const docs = this.bySpeaker.get(st.speakerId) ?? [];
    const out: Statement[] = [];
    for (const { doc } of this.index.search(queries, { matchAll: false, fields: [0], narrowing: { docs } })) {
      const other = this.docs[doc];
      if (other && other.id !== st.id) out.push(other);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The statement of a document number, or null when removed. */
  statementAt(doc: number): Statement | null {
    return this.docs[doc] ?? null;
  }

  /** The document number of a statement. */
  docOfStatement(id: string): number | undefined {
    return this.docOf.get(id);
  }

  /** The query's terms, with synonym phrases folded into their group term. */
  queryTerms(text: string): string[] {
    return [...new Set(this.synonyms.apply(analyseText(text), false))];
  }

  /** The documents a request may match, before any scoring: the speaker's, then by article. */
  private narrow(request: SearchRequest): Narrowing {
    if (request.speakerIds) {
      const lists = [...request.speakerIds].map((id) => this.bySpeaker.get(id) ?? []);
      let docs = lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a - b);
      if (request.articleIds || request.directOnly) {
        docs = docs.filter((d) => {
          const st = this.docs[d]!;
          return (!request.articleIds || request.articleIds.has(st.articleId)) && (!request.directOnly || st.kind === 'direct');
        });
      }
      return { docs };
    }
    if (request.articleIds) {
      const mask = new Uint8Array(this.index.size);
      for (const id of request.articleIds) for (const d of this.byArticle.get(id) ?? []) mask[d] = 1;
      return { mask };
    }
    return null;
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const keep = (st: Statement | null | undefined): st is Statement => passesFilters(st, request);
    const narrowing = this.narrow(request);
    const terms = request.text ? this.queryTerms(request.text) : [];
    if (terms.length === 0) {
      const out: SearchHit[] = [];
      const visit = (doc: number) => {
        const st = this.docs[doc];
        if (keep(st)) out.push({ id: st.id, score: 0 });
      };
      if (narrowing && 'docs' in narrowing) for (let i = 0; i < narrowing.docs.length; i++) visit(narrowing.docs[i]!);
      else for (let d = 0; d < this.docs.length; d++) if (!narrowing || narrowing.mask[d]) visit(d);
      return out;
    }
    // Typo and prefix matching only for a term the corpus does not have as typed: a typo, not a word.
    const queries: TermQuery[] = terms.map((term) => {
      const loose = !this.index.hasTerm(term) && term.length > 3;
      return { term, prefix: loose, fuzzy: loose ? 0.2 : false };
    });
    const hits = this.index.search(queries, {
      matchAll: request.matchAll,
      fields: request.textOnly ? [0] : [0, 1],
      narrowing,
      accept: (doc) => keep(this.docs[doc]),
      floor: request.floor ?? 0,
    });
    return hits.map(({ doc, score }) => {
      const statement = this.docs[doc]!;
      return { id: statement.id, score, statement };
    });
  }
}
