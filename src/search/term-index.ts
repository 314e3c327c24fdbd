import SearchableMap from 'minisearch/SearchableMap';
import { buildTermIndexState, countTerms, FIELD_COUNT, grow } from './build-term-index.js';

/**
 * A compact inverted index over documents of two fields, scoring exactly as minisearch 7 does
 * (BM25+, field boosts, prefix and fuzzy weights), so answers do not change with the backend.
 * Postings live in typed arrays (one block a field, sorted by document), which keeps memory low,
 * saves and loads as raw bytes, and lets a search visit only a chosen set of documents.
 */

export { FIELD_COUNT };
const BOOSTS = [2, 0.4];
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const MAX_FUZZY = 6;

/** Which documents a search may visit: a sorted list, a mask, or all of them (null). */
export type Narrowing = { docs: ArrayLike<number> } | { mask: Uint8Array } | null;

/** One query term and whether it may match by prefix or with typos (minisearch's per-term options). */
export interface TermQuery {
  term: string;
  prefix: boolean;
  /** Fuzziness as a fraction of the term's length (0.2), or false. */
  fuzzy: number | false;
}

/** The index as plain values and typed arrays, for saving. */
export interface TermIndexState {
  terms: string[];
  docCount: number;
  docTotal: number;
  avgFieldLength: number[];
  offsets: Int32Array[];
  postDocs: Int32Array[];
  postTfs: Uint16Array[];
  fieldLength: Uint16Array[];
  alive: Uint8Array;
  /** Postings added after the block was built: per field, [termId, docs, tfs]. */
  delta: Array<Array<[number, number[], number[]]>>;
}

interface Delta {
  docs: number[];
  tfs: number[];
}

function idfOf(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

/** BM25+ of one posting, the term's idf given: the same arithmetic as minisearch's, so the same floats. */
function bm25(idf: number, tf: number, length: number, avgLength: number): number {
  const { k, b, d } = BM25;
  return idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avgLength)));
}

/**
 * Scores of one term (or of the terms so far) by document, in typed arrays reused from search to
 * search: a document's entry counts only when its stamp is the sheet's current one, so nothing
 * is cleared between searches. `order` lists the documents in the order they were first scored.
 */
class ScoreSheet {
  score = new Float64Array(0);
  matched = new Uint16Array(0);
  stamp = new Uint32Array(0);
  generation = 0;
  order: number[] = [];

  /** Empties the sheet for documents numbered below `size`. */
  reset(size: number): void {
    if (this.score.length < size) {
      const room = Math.max(size, Math.ceil(this.score.length * 1.25));
      this.score = new Float64Array(room);
      this.matched = new Uint16Array(room);
      this.stamp = new Uint32Array(room);
      this.generation = 0;
    }
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    this.order = [];
  }

  has(doc: number): boolean {
    return this.stamp[doc] === this.generation;
  }

  add(doc: number, score: number): void {
    if (this.stamp[doc] === this.generation) {
      this.score[doc]! += score;
    } else {
      this.stamp[doc] = this.generation;
      this.score[doc] = score;
      this.matched[doc] = 1;
      this.order.push(doc);
    }
  }
}

/** Index of the first element of `docs[from, to)` that is ≥ `value`. */
function lowerBound(docs: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a document is within a narrowing (documents added after the build are few: a binary search each). */
function isWithin(narrowing: Narrowing, doc: number): boolean {
  if (narrowing === null) return true;
  if ('mask' in narrowing) return narrowing.mask[doc] === 1;
  let lo = 0;
  let hi = narrowing.docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (narrowing.docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < narrowing.docs.length && narrowing.docs[lo] === doc;
}

/** The inverted index. Documents are numbered from 0 in the order they are added. */
export class TermIndex {
  private terms: string[];
  private readonly termIds = new Map<string, number>();
  private dictionary: SearchableMap<number> | null = null;
  private docCount: number;
  private docTotal: number;
  private readonly avgFieldLength: number[];
  private readonly offsets: Int32Array[];
  private readonly postDocs: Int32Array[];
  private readonly postTfs: Uint16Array[];
  private readonly blockTerms: number;
  private fieldLength: Uint16Array[];
  private alive: Uint8Array;
  private df: Int32Array[];
  private readonly delta: Array<Map<number, Delta>>;
  /** Scratch space of `search`, kept between searches (searches run one at a time). */
  private readonly sheets = [new ScoreSheet(), new ScoreSheet()] as const;

  private constructor(state: TermIndexState) {
    this.terms = state.terms;
    state.terms.forEach((t, i) => this.termIds.set(t, i));
    this.docCount = state.docCount;
    this.docTotal = state.docTotal;
    this.avgFieldLength = [...state.avgFieldLength];
    this.offsets = state.offsets;
    this.postDocs = state.postDocs;
    this.postTfs = state.postTfs;
    this.blockTerms = state.offsets[0]!.length - 1;
    this.fieldLength = state.fieldLength;
    this.alive = state.alive;
    this.delta = state.delta.map((list) => new Map(list.map(([id, docs, tfs]) => [id, { docs, tfs }])));
    // Document frequencies count live documents only, as minisearch's do after a removal.
    this.df = state.offsets.map(() => new Int32Array(this.terms.length));
    for (let f = 0; f < FIELD_COUNT; f++) {
      const df = this.df[f]!;
      const offsets = this.offsets[f]!;
      const docs = this.postDocs[f]!;
      for (let t = 0; t < this.blockTerms; t++) {
        let n = 0;
        for (let p = offsets[t]!; p < offsets[t + 1]!; p++) n += this.alive[docs[p]!]!;
        df[t] = n;
      }
      for (const [t, d] of this.delta[f]!) for (const doc of d.docs) df[t]! += this.alive[doc]!;
    }
  }

  /**
   * Builds an index from each document's tokens, field by field (`docs[i][f]`). Terms are numbered
   * in the order minisearch first meets them, so prefix and typo matches come in the same order.
   */
  static build(docs: Iterable<string[][]>): TermIndex {
    return new TermIndex(buildTermIndexState(docs));
  }

  /** Rebuilds an index from a saved state. */
  static fromState(state: TermIndexState): TermIndex {
    return new TermIndex(state);
  }

  /** The index as values to save; `fromState` gives back an index that scores the same. */
  toState(): TermIndexState {
    return {
      terms: this.terms,
      docCount: this.docCount,
      docTotal: this.docTotal,
      avgFieldLength: [...this.avgFieldLength],
      offsets: this.offsets,
      postDocs: this.postDocs,
      postTfs: this.postTfs,
      fieldLength: this.fieldLength.map((l) => l.subarray(0, this.docTotal)),
      alive: this.alive.subarray(0, this.docTotal),
      delta: this.delta.map((m) => [...m].map(([id, d]): [number, number[], number[]] => [id, d.docs, d.tfs])),
    };
  }

  /** Number of documents numbered so far, removed ones included. */
  get size(): number {
    return this.docTotal;
  }

  /** True when some document has (or had) this term. */
  hasTerm(term: string): boolean {
    return this.termIds.has(term);
  }

  /** Adds one document after the build; returns its number. */
  add(fields: string[][]): number {
    const doc = this.docTotal++;
    const count = this.docCount++;
    this.alive = grow(this.alive, doc + 1);
    this.alive[doc] = 1;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const counts = countTerms(fields[f] ?? [], (t) => this.termId(t));
      this.fieldLength[f] = grow(this.fieldLength[f]!, doc + 1);
      this.fieldLength[f]![doc] = Math.min(counts.size, 65535);
      this.avgFieldLength[f] = (this.avgFieldLength[f]! * count + counts.size) / (count + 1);
      for (const [id, tf] of counts) {
        const d = this.delta[f]!.get(id) ?? this.delta[f]!.set(id, { docs: [], tfs: [] }).get(id)!;
        d.docs.push(doc);
        d.tfs.push(Math.min(tf, 65535));
        this.df[f]![id]!++;
      }
    }
    return doc;
  }

  /**
   * Removes documents. Their terms are found by one pass over the postings, so nothing about a
   * document needs keeping for its removal (a changed file's old text is gone from disk).
   */
  removeDocs(docs: number[]): void {
    const gone = new Uint8Array(this.docTotal);
    for (const doc of docs) {
      if (!this.alive[doc] || gone[doc]) continue;
      gone[doc] = 1;
      const count = this.docCount--;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const length = this.fieldLength[f]![doc]!;
        this.avgFieldLength[f] = count === 1 ? 0 : (this.avgFieldLength[f]! * count - length) / (count - 1);
      }
    }
    for (let f = 0; f < FIELD_COUNT; f++) {
      const df = this.df[f]!;
      const offsets = this.offsets[f]!;
      const postDocs = this.postDocs[f]!;
      for (let t = 0; t < this.blockTerms; t++) {
        for (let p = offsets[t]!; p < offsets[t + 1]!; p++) if (gone[postDocs[p]!]) df[t]!--;
      }
      for (const [t, d] of this.delta[f]!) for (const doc of d.docs) if (gone[doc]) df[t]!--;
    }
    for (let doc = 0; doc < gone.length; doc++) if (gone[doc]) this.alive[doc] = 0;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
      this.dictionary?.set(term, id);
      this.df = this.df.map((df) => grow(df, id! + 1));
    }
    return id;
  }

  /** The term tree for prefix and typo matching, built on first need in first-seen order. */
  private tree(): SearchableMap<number> {
    if (!this.dictionary) {
      const tree = new SearchableMap<number>();
      this.terms.forEach((t, i) => tree.set(t, i));
      this.dictionary = tree;
    }
    return this.dictionary;
  }

  /**
   * Scores the documents matching one query term, as minisearch's `executeQuerySpec` does: the
   * exact term, then longer terms by prefix, then terms within the typo distance.
   */
  private scoreTerm(query: TermQuery, fields: number[], narrowing: Narrowing, results: ScoreSheet): void {
    const exact = this.termIds.get(query.term);
    if (exact !== undefined) this.scoreDerived(exact, 1, fields, narrowing, results);
    if (!query.prefix && !query.fuzzy) return;
    const tree = this.tree();
    let fuzzyMatches: Map<string, [number, number]> | undefined;
    if (query.fuzzy) {
      const maxDistance = Math.min(MAX_FUZZY, Math.round(query.term.length * query.fuzzy));
      if (maxDistance) fuzzyMatches = tree.fuzzyGet(query.term, maxDistance);
    }
    if (query.prefix) {
      for (const [term, id] of tree.atPrefix(query.term)) {
        const distance = term.length - query.term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(term);
        this.scoreDerived(id, (WEIGHTS.prefix * term.length) / (term.length + 0.3 * distance), fields, narrowing, results);
      }
    }
    if (fuzzyMatches) {
      for (const [term, [id, distance]] of fuzzyMatches) {
        if (!distance) continue;
        this.scoreDerived(id, (WEIGHTS.fuzzy * term.length) / (term.length + distance), fields, narrowing, results);
      }
    }
  }

  private scoreDerived(id: number, weight: number, fields: number[], narrowing: Narrowing, results: ScoreSheet): void {
    for (const f of fields) {
      const matching = this.df[f]![id]!;
      if (!matching) continue;
      const avg = this.avgFieldLength[f]!;
      const lengths = this.fieldLength[f]!;
      const scale = weight * BOOSTS[f]!;
      const idf = idfOf(matching, this.docCount);
      this.visit(f, id, narrowing, (doc, tf) => results.add(doc, scale * bm25(idf, tf, lengths[doc]!, avg)));
    }
  }

  /** Calls `fn` for each live document with the term in the field, in document order, within the narrowing. */
  private visit(f: number, id: number, narrowing: Narrowing, fn: (doc: number, tf: number) => void): void {
    const alive = this.alive;
    if (id < this.blockTerms) {
      const docs = this.postDocs[f]!;
      const tfs = this.postTfs[f]!;
      const from = this.offsets[f]![id]!;
      const to = this.offsets[f]![id + 1]!;
      if (narrowing && 'docs' in narrowing) {
        const wanted = narrowing.docs;
        if (wanted.length * 16 < to - from) {
          // Few candidates against a long list: look each one up.
          let at = from;
          for (let i = 0; i < wanted.length && at < to; i++) {
            at = lowerBound(docs, at, to, wanted[i]!);
            if (at < to && docs[at] === wanted[i] && alive[docs[at]!]) fn(docs[at]!, tfs[at]!);
          }
        } else {
          let i = 0;
          for (let p = from; p < to && i < wanted.length; p++) {
            const doc = docs[p]!;
            while (i < wanted.length && wanted[i]! < doc) i++;
            if (wanted[i] === doc && alive[doc]) fn(doc, tfs[p]!);
          }
        }
      } else {
        const mask = narrowing ? narrowing.mask : null;
        for (let p = from; p < to; p++) {
          const doc = docs[p]!;
          if (alive[doc] && (!mask || mask[doc])) fn(doc, tfs[p]!);
        }
      }
    }
    const added = this.delta[f]!.get(id);
    if (!added) return;
    added.docs.forEach((doc, i) => {
      if (alive[doc] && isWithin(narrowing, doc)) fn(doc, added.tfs[i]!);
    });
  }

  /**
   * Runs a query of several terms combined with AND or OR, as minisearch's `search` does: each
   * document's score is the sum over its matched terms times the number of terms it matched.
   * Results come best first; ties keep minisearch's order. `accept` leaves documents out before
   * the best is known; `floor` then leaves out those scoring under that share of the best.
   */
  search(
    queries: TermQuery[],
    options: { matchAll: boolean; fields: number[]; narrowing: Narrowing; accept?: (doc: number) => boolean; floor?: number },
  ): Array<{ doc: number; score: number }> {
    if (queries.length === 0) return [];
    const combined = this.sheets[0];
    const next = this.sheets[1];
    combined.reset(this.docTotal);
    this.scoreTerm(queries[0]!, options.fields, options.narrowing, combined);
    for (const query of queries.slice(1)) {
      next.reset(this.docTotal);
      this.scoreTerm(query, options.fields, options.narrowing, next);
      if (options.matchAll) {
        // Documents with every term so far, in the order the newest term met them.
        const both: number[] = [];
        for (const doc of next.order) if (combined.has(doc)) both.push(doc);
        const sums = both.map((doc) => combined.score[doc]! + next.score[doc]!);
        combined.reset(this.docTotal);
        both.forEach((doc, i) => combined.add(doc, sums[i]!));
      } else {
        for (const doc of next.order) {
          if (combined.has(doc)) {
            combined.score[doc]! += next.score[doc]!;
            combined.matched[doc]!++;
          } else {
            combined.add(doc, next.score[doc]!);
          }
        }
      }
    }
    const docs: number[] = [];
    const scores: number[] = [];
    let best = 0;
    for (const doc of combined.order) {
      if (options.accept && !options.accept(doc)) continue;
      const score = combined.score[doc]! * (options.matchAll ? queries.length : combined.matched[doc]!);
      docs.push(doc);
      scores.push(score);
      if (score > best) best = score;
    }
    const least = best * (options.floor ?? 0);
    const out: Array<{ doc: number; score: number }> = [];
    for (let i = 0; i < docs.length; i++) if (scores[i]! >= least) out.push({ doc: docs[i]!, score: scores[i]! });
    return out.sort((a, b) => b.score - a.score);
  }
}
