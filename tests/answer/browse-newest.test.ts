import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateEngineData, type EngineData } from '../../src/store/memory-store.js';
import { browseNewest } from '../../src/answer/browse-newest.js';
import { openEngineData } from '../../src/store/open-memory-store.js';
import { rankGroups, type Placed } from '../../src/answer/rank-groups.js';
import { writeSampleCorpus } from '../search/sample-corpus.js';

// Browsing reads articles in date order instead of ranking every statement; it must list exactly
// what ranking every statement by date lists, shared remarks (one group, several outlets) included.
let dir: string;
const corpora: Array<[string, () => EngineData]> = [];
let seeds: EngineData;
let wikinews: EngineData;
beforeAll(async () => {
  dir = writeSampleCorpus(20);
  wikinews = (await openEngineData(dir, 'off')).data;
  seeds = (await openEngineData(path.join(import.meta.dirname, '../../corpus'), 'off')).data;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
corpora.push(['the seed corpus', () => seeds], ['20 Wikinews articles', () => wikinews]);

function byRanking(data: EngineData, articleIds: ReadonlySet<string> | null, want: number) {
  const hits = [...data.statements.values()].filter((st) => !articleIds || articleIds.has(st.articleId)).map((st) => ({ id: st.id, score: 0 }));
  return rankGroups(data, hits, true, articleIds, want);
}

const shown = (r: { top: Placed[]; total: number }) => ({ total: r.total, top: r.top.map((p) => `${p.articleId}#${p.start}:${p.members.length}`) });

describe('browseNewest', () => {
  it.each(corpora)('lists %s as ranking every statement by date does, page by page', async (_, get) => {
    const data = get();
    const years = [...new Set([...data.articles.values()].map((a) => a.published.value.slice(0, 4)))];
    const filters: Array<ReadonlySet<string> | null> = [null, ...years.map((y) => new Set([...data.articles.values()].filter((a) => a.published.value.startsWith(y)).map((a) => a.id)))];
    for (const articleIds of filters) {
      for (const want of [1, 3, 10, 1000]) {
        expect(shown((await browseNewest(data, articleIds, want))!)).toEqual(shown(byRanking(data, articleIds, want)));
      }
    }
  });

  it('counts a remark three outlets carried once, and lists it at its first outlet', async () => {
    const all = (await browseNewest(seeds, null, 1000))!;
    const demolition = all.top.filter((p) => p.members.some((m) => m.text.includes('demolition experts')) && p.members.length === 3);
    expect(demolition).toHaveLength(1);
    expect(all.total).toBe(all.top.length);
    expect(all.total).toBeLessThan(seeds.statements.size);
  });

  it('sees an article added in place', async () => {
    const before = (await browseNewest(wikinews, null, 1))!;
    const newest = before.top[0]!;
    const source = wikinews.articles.get(newest.articleId)!;
    const body = '"Turnips and stoats will be the ruin of this valley," said Jane Example, the farming minister, on Tuesday.\n';
    const added = { ...source, id: '2099-01-01-added', path: '2099-01-01-added.md', body, published: { value: '2099-01-01', precision: 'day' as const, inferred: false } };
    updateEngineData(wikinews, { removed: [], added: [added] });
    const after = (await browseNewest(wikinews, null, 1))!;
    expect(after.top[0]!.articleId).toBe('2099-01-01-added');
    expect(after.top[0]!.members[0]!.text).toMatch(/^Turnips and stoats will be the ruin of this valley/);
    expect(after.total).toBe(before.total + 1);
    updateEngineData(wikinews, { removed: ['2099-01-01-added'], added: [] });
    expect(shown((await browseNewest(wikinews, null, 5))!)).toEqual(shown(byRanking(wikinews, null, 5)));
  });
});
