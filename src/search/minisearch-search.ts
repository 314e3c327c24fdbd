import MiniSearch, { type Query } from 'minisearch';
import type { Statement } from '../statements/statement.js';
import { analyseText } from './analyse-text.js';
import { passesFilters, type SearchHit, type SearchRequest, type StatementSearch } from '../store/statement-search.js';
import type { Synonyms } from './synonyms.js';

/** A statement as the index holds it: its words, and the paragraph around it for context. */
export interface IndexedStatement {
  statement: Statement;
  /** The paragraph the statement sits in, so a topic named only around a quote still finds it. */
  context: string;
}

interface Doc {
  id: string;
  text: string;
  context: string;
}

/** Search over statements with minisearch: stemmed, stop words dropped, synonyms, typo-tolerant. */
export class MiniSearchStatementSearch implements StatementSearch {
  private readonly index: MiniSearch<Doc>;
  private readonly vocabulary = new Set<string>();
  private readonly byId = new Map<string, Statement>();

  constructor(items: IndexedStatement[], private readonly synonyms: Synonyms) {
    const tokenize = (text: string): string[] => {
      const terms = this.synonyms.apply(analyseText(text), true);
      for (const t of terms) this.vocabulary.add(t);
      return terms;
    };
    this.index = new MiniSearch<Doc>({
      fields: ['text', 'context'],
      tokenize,
      processTerm: (t) => t,
      searchOptions: { tokenize: (t) => t.split(' '), processTerm: (t) => t, boost: { text: 2, context: 0.4 } },
    });
    for (const { statement, context } of items) this.byId.set(statement.id, statement);
    this.index.addAll(items.map(({ statement, context }) => ({ id: statement.id, text: statement.text, context })));
  }

  /** The query's terms, with synonym phrases folded into their group term. */
  queryTerms(text: string): string[] {
    return [...new Set(this.synonyms.apply(analyseText(text), false))];
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const keep = (st: Statement | null | undefined): st is Statement => passesFilters(st, request);
    const terms = request.text ? this.queryTerms(request.text) : [];
    if (terms.length === 0) {
      return [...this.byId.values()].filter(keep).map((st) => ({ id: st.id, score: 0 }));
    }
    // Fuzzy and prefix matching only for a term the corpus does not have as typed: a typo, not a word.
    const unknown = (term: string): boolean => !this.vocabulary.has(term);
    const query: Query = {
      combineWith: request.matchAll ? 'AND' : 'OR',
      queries: terms,
      fuzzy: (term) => (unknown(term) && term.length > 3 ? 0.2 : false),
      prefix: (term) => unknown(term) && term.length > 3,
    };
    const hits = this.index.search(query, { ...(request.textOnly ? { fields: ['text'] } : {}), filter: (r) => keep(this.byId.get(r.id as string)) });
    const least = (hits[0]?.score ?? 0) * (request.floor ?? 0);
    return hits.filter((r) => r.score >= least).map((r) => ({ id: r.id as string, score: r.score, statement: this.byId.get(r.id as string)! }));
  }
}
