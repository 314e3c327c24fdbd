import MiniSearch from 'minisearch';
import { parseQuestion } from '../src/question/parse-question.js';
import type { QuestionContext } from '../src/question/parsed-question.js';
import type { IndexedStatement } from '../src/search/minisearch-search.js';
import { overlaps } from '../src/answer/article-dates.js';
import type { Article } from '../src/corpus/article.js';
import type { BenchQuestion, QuestionKind } from './questions.js';
import { summarise, type Latency } from './time-questions.js';

/** What the plain-minisearch baseline measured. */
export interface BaselineResult {
  buildMs: number;
  heapMb: number;
  byKind: Partial<Record<QuestionKind | 'all', Latency>>;
}

/**
 * The naive use of the library the issue compares against: one minisearch index of every
 * statement (its text and paragraph) with default options, searched with fuzzy 0.2 and prefix on,
 * the speaker and dates applied as a `filter` after scoring. Only the search is timed; the question
 * is parsed beforehand with Briefbot's parser so both answer the same thing.
 */
export function measureBaseline(
  items: IndexedStatement[],
  articles: Map<string, Article>,
  context: QuestionContext,
  questions: BenchQuestion[],
  rounds: number,
  progress?: (done: number) => void,
): BaselineResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const index = new MiniSearch<{ id: string; text: string; context: string }>({ fields: ['text', 'context'] });
  items.forEach(({ statement, context: paragraph }, i) => {
    index.add({ id: statement.id, text: statement.text, context: paragraph });
    if (progress && (i + 1) % 20000 === 0) progress(i + 1);
  });
  const buildMs = performance.now() - started;
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const byId = new Map(items.map((i) => [i.statement.id, i.statement]));
  const plans = questions.map((q) => {
    const parsed = parseQuestion(q.text, context);
    if (parsed.kind !== 'query') return null;
    const text = parsed.phrase ?? parsed.topic;
    if (!text) return null;
    const filter = (r: { id: string }) => {
      const st = byId.get(r.id)!;
      if (parsed.speakerId && st.speakerId !== parsed.speakerId) return false;
      if (parsed.dateFrom || parsed.dateTo) return overlaps(articles.get(st.articleId)!.published, parsed.dateFrom, parsed.dateTo);
      return true;
    };
    return { kind: q.kind, run: () => index.search(text, { fuzzy: 0.2, prefix: true, filter }) };
  });
  for (const p of plans) p?.run();
  const samples = new Map<QuestionKind | 'all', number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const p of plans) {
      if (!p) continue;
      const t = performance.now();
      p.run();
      const ms = performance.now() - t;
      for (const key of [p.kind, 'all'] as const) (samples.get(key) ?? samples.set(key, []).get(key)!).push(ms);
    }
  }
  const byKind: BaselineResult['byKind'] = {};
  for (const [kind, list] of samples) byKind[kind] = summarise(list);
  return { buildMs, heapMb, byKind };
}
