import { describe, expect, it } from 'vitest';
import { overlaps } from '../../src/answer/article-dates.js';
import type { Article } from '../../src/corpus/article.js';
import { precisionOf } from '../../src/corpus/article.js';
import { createArticleDateIndex } from '../../src/search/article-dates-index.js';

const article = (id: string, value: string, outlet = 'Pulse'): Article => ({
  id,
  path: `${id}.md`,
  title: id,
  outlet,
  url: `https://example.org/${id}`,
  published: { value, precision: precisionOf(value), inferred: false },
  body: 'text',
});

describe('createArticleDateIndex', () => {
  // Dates of every precision around year ends, where a year-long date reaches furthest.
  const articles = [
    article('a', '2010'),
    article('b', '2011-12'),
    article('c', '2011-12-31'),
    article('d', '2012'),
    article('e', '2012-01-01', 'GP'),
    article('f', '2012-06'),
    article('g', '2013-02-28'),
    article('h', '2014'),
  ];
  const ranges: Array<[string | null, string | null]> = [
    ['2012-01-01', '2012-12-31'],
    ['2011-06-01', null],
    [null, '2011-12-31'],
    ['2012-03-15', '2012-03-15'],
    ['2013-01-01', '2013-12-31'],
    ['2015-01-01', null],
    ['2010-07-01', '2010-07-31'],
  ];

  for (const [from, to] of ranges) {
    it(`finds the same articles as checking each one, from ${from} to ${to}`, () => {
      const find = createArticleDateIndex(articles);
      for (const outlet of [null, 'GP']) {
        const expected = articles.filter((a) => overlaps(a.published, from, to) && (!outlet || a.outlet === outlet)).map((a) => a.id);
        expect([...find(from, to, outlet)].sort()).toEqual(expected.sort());
      }
    });
  }
});
