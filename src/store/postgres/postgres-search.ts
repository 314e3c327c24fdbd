import SearchableMap from 'minisearch/SearchableMap';
import type { Pool } from 'pg';
import { analyseText } from '../../search/analyse-text.js';
import type { Synonyms } from '../../search/synonyms.js';
import type { Statement } from '../../statements/statement.js';
import { StoreError } from '../store-error.js';
import { passesFilters, type SearchHit, type SearchRequest, type StatementSearch } from '../statement-search.js';

// The in-process index's scoring (src/search/term-index.ts): BM25+ with field boosts, and the
// weights of prefix and typo matches. The candidates come from PostgreSQL; the idf comes from the
// tenant's term statistics, so both stores score a statement the same.
const BOOSTS = [2, 0.4];
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const MAX_FUZZY = 6;

/** The corpus-wide numbers of one tenant that scoring needs. */
export interface TermStatistics {
  /** Document frequency per term: [statement field, context field]. */
  df: Map<string, [number, number]>;
  /** Terms in the order the corpus first had them (prefix and typo matches come in this order). */
  order: string[];
  docCount: number;
  avgLength: [number, number];
}

/**
 * Where the search finds the statements its rows name: a map held in memory, or PostgreSQL read
 * on demand. Statements whose rows do not fit are missing from what it gives.
 */
export interface StatementSource {
  byIds(ids: string[]): Promise<Map<string, Statement>>;
  /** Every statement passing a request's filters, for a request without text, in corpus order. */
  unsearched(request: SearchRequest): Promise<Statement[]>;
}

interface Expanded {
  term: string;
  weight: number;
}

function idfOf(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

function bm25(idf: number, tf: number, length: number, avgLength: number): number {
  const { k, b, d } = BM25;
  return idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avgLength)));
}

/**
 * Search on PostgreSQL: the statements having the query's terms (every one, or any) are found
 * through the GIN indexes of their analysed terms, narrowed by speaker, article (dates, outlet)
 * and kind in the same query; they are then ranked here as the in-process index ranks them.
 */
export class PostgresStatementSearch implements StatementSearch {
  private dictionary: SearchableMap<true> | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly tenant: string,
    private readonly stats: TermStatistics,
    private readonly synonyms: Synonyms,
    private readonly source: StatementSource,
  ) {}

  private tree(): SearchableMap<true> {
    if (!this.dictionary) {
      const tree = new SearchableMap<true>();
      for (const term of this.stats.order) tree.set(term, true);
      this.dictionary = tree;
    }
    return this.dictionary;
  }

  /** A query term and, for one the corpus lacks (a typo), its prefix and typo matches with their weights. */
  private expand(term: string): Expanded[] {
    const out: Expanded[] = [];
    if (this.stats.df.has(term)) return [{ term, weight: 1 }];
    if (term.length <= 3) return out;
    const tree = this.tree();
    const maxDistance = Math.min(MAX_FUZZY, Math.round(term.length * 0.2));
    const fuzzy = maxDistance ? tree.fuzzyGet(term, maxDistance) : undefined;
    for (const [other] of tree.atPrefix(term)) {
      const distance = other.length - term.length;
      if (!distance) continue;
      fuzzy?.delete(other);
      out.push({ term: other, weight: (WEIGHTS.prefix * other.length) / (other.length + 0.3 * distance) });
    }
    for (const [other, [, distance]] of fuzzy ?? []) if (distance) out.push({ term: other, weight: (WEIGHTS.fuzzy * other.length) / (other.length + distance) });
    return out;
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const keep = (st: Statement | null | undefined): st is Statement => passesFilters(st, request);
    const terms = request.text ? [...new Set(this.synonyms.apply(analyseText(request.text), false))] : [];
    if (terms.length === 0) return (await this.source.unsearched(request)).filter(keep).map((st) => ({ id: st.id, score: 0, statement: st }));
    const fields = request.textOnly ? [0] : [0, 1];
    const groups = terms.map((t) => this.expand(t));
    if (request.matchAll && groups.some((g) => g.length === 0)) return [];
    const live = groups.filter((g) => g.length > 0);
    if (!live.length) return [];
    const all = [...new Set(live.flat().map((e) => e.term))];
    const params: unknown[] = [this.tenant, all];
    const conditions = live.map((g) => {
      params.push(g.map((e) => e.term));
      const p = `$${params.length}::text[]`;
      return fields.length === 1 ? `text_terms ?| ${p}` : `(text_terms ?| ${p} OR context_terms ?| ${p})`;
    });
    let where = `tenant = $1 AND (${conditions.join(request.matchAll ? ' AND ' : ' OR ')})`;
    if (request.speakerIds) {
      params.push([...request.speakerIds]);
      where += ` AND speaker_id = ANY($${params.length})`;
    }
    if (request.articleIds) {
      params.push([...request.articleIds]);
      where += ` AND article_id = ANY($${params.length})`;
    }
    if (request.directOnly) where += ` AND kind = 'direct'`;
    let rows: Array<{ id: string; seq: string; tf0: Array<number | null>; tf1: Array<number | null>; l0: number; l1: number }>;
    try {
      const result = await this.pool.query(
        `SELECT id, seq, ARRAY(SELECT (text_terms->>k)::int FROM unnest($2::text[]) k) AS tf0,
                ARRAY(SELECT (context_terms->>k)::int FROM unnest($2::text[]) k) AS tf1, text_length AS l0, context_length AS l1
           FROM statements WHERE ${where}`,
        params,
      );
      rows = result.rows;
    } catch (error) {
      throw new StoreError('STORE_QUERY_FAILED', 'The search could not be run on PostgreSQL.', { cause: error });
    }
    const at = new Map(all.map((t, i) => [t, i]));
    const { docCount, avgLength, df } = this.stats;
    const scored: Array<{ id: string; score: number; seq: number }> = [];
    for (const row of rows) {
      const lengths = [row.l0, row.l1];
      const tfs = [row.tf0, row.tf1];
      let total = 0;
      let matched = 0;
      for (const group of live) {
        let termScore = 0;
        let hit = false;
        for (const { term, weight } of group) {
          const i = at.get(term)!;
          for (const f of fields) {
            const matching = df.get(term)?.[f] ?? 0;
            const tf = tfs[f]![i];
            if (!matching || !tf) continue;
            hit = true;
            termScore += weight * BOOSTS[f]! * bm25(idfOf(matching, docCount), tf, lengths[f]!, avgLength[f]!);
          }
        }
        if (hit) {
          total += termScore;
          matched++;
        }
      }
      if (!matched || (request.matchAll && matched < live.length)) continue;
      scored.push({ id: row.id, score: total * (request.matchAll ? live.length : matched), seq: Number(row.seq) });
    }
    const best = scored.reduce((m, s) => Math.max(m, s.score), 0);
    const least = best * (request.floor ?? 0);
    const kept = scored.filter((s) => s.score >= least).sort((a, b) => b.score - a.score || a.seq - b.seq);
    // Only the rows over the floor are read whole; a row that does not fit is left out.
    const statements = await this.source.byIds(kept.map((s) => s.id));
    const hits: SearchHit[] = [];
    for (const { id, score } of kept) {
      const st = statements.get(id);
      if (keep(st)) hits.push({ id, score, statement: st });
    }
    return hits;
  }
}
