import type { TermIndexState } from './term-index.js';

/** Field 0: the statement's words; field 1: the paragraph around it. */
export const FIELD_COUNT = 2;

/** A growable pair of typed arrays (term id, frequency), for building postings without garbage. */
class PairBuffer {
  ids = new Int32Array(1 << 16);
  tfs = new Uint16Array(1 << 16);
  length = 0;
  push(id: number, tf: number): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const tfs = new Uint16Array(this.length * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.ids[this.length] = id;
    this.tfs[this.length++] = Math.min(tf, 65535);
  }
}

/** Grows a typed array to hold at least `size` items, doubling. */
export function grow<T extends Int32Array | Uint16Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2, 16));
  next.set(array);
  return next;
}

/** Counts each term of a field's tokens, numbering new terms through `idOf`. */
export function countTerms(tokens: string[], idOf: (term: string) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of tokens) {
    const id = idOf(t);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Builds the postings of documents given as tokens, field by field: in one pass the (term,
 * frequency) pairs of each document go into growable typed arrays, then they are laid out term by
 * term in document order. Field lengths and their averages are computed as minisearch does.
 */
export function buildTermIndexState(docs: Iterable<string[][]>): TermIndexState {
  const terms: string[] = [];
  const ids = new Map<string, number>();
  const idOf = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) {
      id = terms.length;
      ids.set(t, id);
      terms.push(t);
    }
    return id;
  };
  const pairs = Array.from({ length: FIELD_COUNT }, () => new PairBuffer());
  const docStarts = Array.from({ length: FIELD_COUNT }, () => [0]);
  let lengths = Array.from({ length: FIELD_COUNT }, () => new Uint16Array(1024));
  const avg = new Array<number>(FIELD_COUNT).fill(0);
  let count = 0;
  for (const fields of docs) {
    for (let f = 0; f < FIELD_COUNT; f++) {
      const counts = countTerms(fields[f] ?? [], idOf);
      lengths[f] = grow(lengths[f]!, count + 1);
      lengths[f]![count] = Math.min(counts.size, 65535);
      avg[f] = (avg[f]! * count + counts.size) / (count + 1);
      for (const [id, tf] of counts) pairs[f]!.push(id, tf);
      docStarts[f]!.push(pairs[f]!.length);
    }
    count++;
  }
  const offsets: Int32Array[] = [];
  const postDocs: Int32Array[] = [];
  const postTfs: Uint16Array[] = [];
  for (let f = 0; f < FIELD_COUNT; f++) {
    const { ids: termOf, tfs, length } = pairs[f]!;
    const off = new Int32Array(terms.length + 1);
    for (let p = 0; p < length; p++) off[termOf[p]! + 1]!++;
    for (let t = 0; t < terms.length; t++) off[t + 1]! += off[t]!;
    const cursor = off.slice(0, terms.length);
    const pd = new Int32Array(length);
    const pt = new Uint16Array(length);
    const starts = docStarts[f]!;
    for (let doc = 0; doc < count; doc++) {
      for (let p = starts[doc]!; p < starts[doc + 1]!; p++) {
        const at = cursor[termOf[p]!]!++;
        pd[at] = doc;
        pt[at] = tfs[p]!;
      }
    }
    offsets.push(off);
    postDocs.push(pd);
    postTfs.push(pt);
    lengths[f] = lengths[f]!.slice(0, count);
  }
  return {
    terms,
    docCount: count,
    docTotal: count,
    avgFieldLength: avg,
    offsets,
    postDocs,
    postTfs,
    fieldLength: lengths,
    alive: new Uint8Array(count).fill(1),
    delta: Array.from({ length: FIELD_COUNT }, () => []),
  };
}

