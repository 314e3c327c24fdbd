import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { withContext } from '../../src/store/memory-store.js';
import { IndexedStatementSearch } from '../../src/search/indexed-search.js';
import { MiniSearchStatementSearch } from '../../src/search/minisearch-search.js';
import type { SearchRequest, StatementSearch } from '../../src/store/statement-search.js';
import { loadSynonyms } from '../../src/search/synonyms.js';
import { extractStatements } from '../../src/statements/extract-statements.js';
import type { Statement } from '../../src/statements/statement.js';

/** The Wikinews sample fixture as articles: real text nobody here wrote. */
function loadSample(): Article[] {
  const file = path.join(import.meta.dirname, '../fixtures/wikinews-sample.jsonl');
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; title: string; outlet: string; date: string; url: string; body: string })
    .map((r) => ({ id: r.id, path: r.id, title: r.title, outlet: r.outlet, url: r.url, published: { value: r.date, precision: 'day', inferred: false }, body: r.body }));
}

const base: SearchRequest = { text: null, speakerIds: null, articleIds: null, directOnly: false, matchAll: true };

describe('search backends', () => {
  let statements: Statement[];
  let backends: Array<[string, StatementSearch]>;
  let topSpeaker: string;
  let someArticles: Set<string>;
  let speakerWord: string;

  beforeAll(() => {
    const articles = loadSample();
    ({ statements } = extractStatements(articles));
    const items = withContext(articles, statements);
    const synonyms = loadSynonyms(null);
    backends = [
      ['minisearch', new MiniSearchStatementSearch(items, synonyms)],
      ['indexed', IndexedStatementSearch.build(items, synonyms)],
    ];
    const counts = new Map<string, number>();
    for (const st of statements) if (st.speakerId) counts.set(st.speakerId, (counts.get(st.speakerId) ?? 0) + 1);
    topSpeaker = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const words = statements.filter((s) => s.speakerId === topSpeaker).flatMap((s) => s.text.toLowerCase().match(/[a-z]{6,}/g) ?? []);
    speakerWord = words.sort()[Math.floor(words.length / 2)]!;
    someArticles = new Set(articles.slice(0, 8).map((a) => a.id));
  });

  // Every request shape answer-question makes: the indexed backend must return the same hits, in
  // the same order, with the same scores as minisearch, or answers would change with the backend.
  const requests: Array<[string, () => SearchRequest]> = [
    ['a topic, every word', () => ({ ...base, text: 'police said' })],
    ['a topic, any word', () => ({ ...base, text: 'government election fire', matchAll: false })],
    ['a speaker and a topic', () => ({ ...base, text: speakerWord, speakerIds: new Set([topSpeaker]) })],
    ['a speaker only', () => ({ ...base, speakerIds: new Set([topSpeaker]) })],
    ['a date range', () => ({ ...base, text: 'people killed', articleIds: someArticles, matchAll: false })],
    ['a typo', () => ({ ...base, text: 'goverment' })],
    ['a prefix', () => ({ ...base, text: 'invest' })],
    ['who said, words only', () => ({ ...base, text: 'the search and rescue operation', directOnly: true, textOnly: true })],
    ['no text, by article', () => ({ ...base, articleIds: someArticles })],
    ['a topic with a floor', () => ({ ...base, text: 'government election fire', matchAll: false, floor: 0.2 })],
    ['direct quotes with a floor (the best of those kept sets it)', () => ({ ...base, text: 'police said', directOnly: true, floor: 0.5 })],
  ];

  it('leaves out the hits under the floor, and only those', async () => {
    for (const [, backend] of backends) {
      const all = await backend.search({ ...base, text: 'government election fire', matchAll: false });
      const floored = await backend.search({ ...base, text: 'government election fire', matchAll: false, floor: 0.2 });
      const least = all[0]!.score * 0.2;
      expect(floored).toEqual(all.filter((h) => h.score >= least));
      expect(floored.length).toBeLessThan(all.length);
    }
  });

  for (const [name, request] of requests) {
    it(`returns the same hits as minisearch for ${name}`, async () => {
      const [expected, actual] = await Promise.all(backends.map(([, b]) => b.search(request())));
      expect(expected!.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }
});
