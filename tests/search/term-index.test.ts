import { describe, expect, it } from 'vitest';
import { TermIndex, type TermQuery } from '../../src/search/term-index.js';

const doc = (text: string, context = ''): string[][] => [text.split(' '), context.split(' ').filter(Boolean)];
const exact = (term: string): TermQuery => ({ term, prefix: false, fuzzy: false });
const DOCS = [
  doc('senate advisory role', 'the senate debate'),
  doc('budget cuts hurt', 'senate budget'),
  doc('advisory panels', 'panel budget report'),
  doc('budget budget budget', ''),
];

describe('TermIndex', () => {
  it('scores a document added after the build as if it had been built in', () => {
    const built = TermIndex.build(DOCS);
    const grown = TermIndex.build(DOCS.slice(0, 2));
    for (const d of DOCS.slice(2)) grown.add(d);
    for (const q of [[exact('budget')], [exact('senate'), exact('advisory')]]) {
      expect(grown.search(q, { matchAll: false, fields: [0, 1], narrowing: null })).toEqual(built.search(q, { matchAll: false, fields: [0, 1], narrowing: null }));
    }
  });

  it('forgets removed documents in results and in term statistics', () => {
    const all = TermIndex.build([...DOCS, doc('budget talk', 'budget')]);
    all.removeDocs([4]);
    const without = TermIndex.build(DOCS);
    const q = [exact('budget')];
    const a = all.search(q, { matchAll: true, fields: [0, 1], narrowing: null });
    const b = without.search(q, { matchAll: true, fields: [0, 1], narrowing: null });
    expect(a.map((h) => h.doc)).toEqual(b.map((h) => h.doc));
    a.forEach((h, i) => expect(h.score).toBeCloseTo(b[i]!.score, 10));
  });

  it('visits only the narrowed documents, with unchanged scores', () => {
    const index = TermIndex.build(DOCS);
    const q = [exact('budget')];
    const all = index.search(q, { matchAll: true, fields: [0, 1], narrowing: null });
    const some = index.search(q, { matchAll: true, fields: [0, 1], narrowing: { docs: [1, 3] } });
    expect(some).toEqual(all.filter((h) => h.doc === 1 || h.doc === 3));
    const masked = index.search(q, { matchAll: true, fields: [0, 1], narrowing: { mask: Uint8Array.from([0, 0, 1, 1]) } });
    expect(masked).toEqual(all.filter((h) => h.doc >= 2));
  });

  it('narrows documents added after the build too', () => {
    const index = TermIndex.build(DOCS);
    const added = index.add(doc('budget again', ''));
    const q = [exact('budget')];
    const all = index.search(q, { matchAll: true, fields: [0, 1], narrowing: null });
    expect(all.map((h) => h.doc)).toContain(added);
    const some = index.search(q, { matchAll: true, fields: [0, 1], narrowing: { docs: [3, added] } });
    expect(some).toEqual(all.filter((h) => h.doc === 3 || h.doc === added));
    expect(index.search(q, { matchAll: true, fields: [0, 1], narrowing: { docs: [1] } }).map((h) => h.doc)).toEqual([1]);
  });

  it('finds a misspelt term only when asked for typo matching', () => {
    const index = TermIndex.build(DOCS);
    expect(index.search([exact('budgt')], { matchAll: true, fields: [0, 1], narrowing: null })).toEqual([]);
    const loose = index.search([{ term: 'budgt', prefix: true, fuzzy: 0.2 }], { matchAll: true, fields: [0, 1], narrowing: null });
    expect(loose.map((h) => h.doc).sort()).toEqual([1, 2, 3]);
  });

  it('saves and loads to the same scores', () => {
    const index = TermIndex.build(DOCS);
    index.add(doc('senate budget', 'advisory'));
    const copy = TermIndex.fromState(index.toState());
    const q = [exact('senate'), { term: 'advis', prefix: true, fuzzy: 0.2 } as TermQuery];
    expect(copy.search(q, { matchAll: false, fields: [0, 1], narrowing: null })).toEqual(index.search(q, { matchAll: false, fields: [0, 1], narrowing: null }));
  });
});
