import type { Answer, Briefbot } from '../src/index.js';
import { percentile, type BenchQuestion, type QuestionKind } from './questions.js';

/** Latencies of one kind of question, in milliseconds. */
export interface Latency {
  count: number;
  p50: number;
  p99: number;
}

/** What timing a question mix gave: latencies by kind and overall, and each question's top results. */
export interface MixTiming {
  byKind: Partial<Record<QuestionKind | 'all', Latency>>;
  /** Per question, the ids of its first three results (or its answer kind). */
  top: string[][];
}

/** The first results of an answer, as ids, to compare two engines' answers. */
export function topOf(answer: Answer): string[] {
  return answer.kind === 'results' ? answer.results.slice(0, 3).map((r) => `${r.id}@${r.score}`) : [answer.kind];
}

/** Summarises samples as count, p50 and p99. */
export function summarise(samples: number[]): Latency {
  return { count: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/**
 * Asks every question once to warm up (and to record its top results), then `rounds` more times,
 * timing each `ask` alone.
 */
export async function timeQuestions(bot: Briefbot, questions: BenchQuestion[], rounds: number): Promise<MixTiming> {
  const top: string[][] = [];
  for (const q of questions) top.push(topOf(await bot.ask(q.text)));
  const samples = new Map<QuestionKind | 'all', number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const started = performance.now();
      await bot.ask(q.text);
      const ms = performance.now() - started;
      for (const key of [q.kind, 'all'] as const) (samples.get(key) ?? samples.set(key, []).get(key)!).push(ms);
    }
  }
  const byKind: MixTiming['byKind'] = {};
  for (const [kind, list] of samples) byKind[kind] = summarise(list);
  return { byKind, top };
}
