import type { Briefbot } from '../answer/answer-schema.js';
import type { ScanSource } from './match-remarks.js';

const EMPTY: ScanSource = { articles: [], statements: [], speakers: [], result: async () => null };

/**
 * The corpus a Briefbot serves now, for counting what a watch matches: the engine itself, or a
 * live Briefbot's current engine; an empty corpus for one that shows neither (a test double).
 */
export function scanSourceOf(briefbot: Briefbot): ScanSource {
  const live = briefbot as Briefbot & { current?: () => unknown };
  const engine = typeof live.current === 'function' ? live.current() : briefbot;
  const source = engine as Partial<ScanSource> | null;
  return source && Array.isArray(source.statements) && Array.isArray(source.articles) && Array.isArray(source.speakers) && typeof source.result === 'function' ? (source as ScanSource) : EMPTY;
}
