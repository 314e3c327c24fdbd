import type { Article } from '../corpus/article.js';
import type { CorpusProblem } from '../corpus/corpus-problem.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import type { Logger } from '../logging.js';
import { loadSynonyms } from '../search/synonyms.js';
import type { Speaker, Statement } from '../statements/statement.js';
import type { Answer, AskOptions, Briefbot } from './answer-schema.js';
import { buildEngineData, createEngine } from './build-engine.js';

/** How to open a corpus. */
export interface OpenOptions {
  corpusDir: string;
  logger?: Logger;
  /** "Today", for relative dates in questions. */
  now?: () => Date;
}

/** A Briefbot over one loaded corpus, with what it was built from. */
export interface BriefbotEngine extends Briefbot {
  corpusDir: string;
  articles: Article[];
  statements: Statement[];
  speakers: Speaker[];
  problems: CorpusProblem[];
}

/**
 * Loads a corpus folder, extracts its statements, indexes them and returns the engine. Broken
 * corpus files are reported in `problems` (and logged) while the rest is served.
 */
export async function openBriefbot(options: OpenOptions): Promise<BriefbotEngine> {
  const started = performance.now();
  const corpus = await loadCorpus(options.corpusDir);
  for (const p of corpus.problems) options.logger?.warn({ event: 'corpus_problem', file: p.file, field: p.field, severity: p.severity ?? 'error' }, p.message);
  const data = buildEngineData(corpus.articles, loadSynonyms(options.corpusDir));
  options.logger?.info(
    { event: 'corpus_indexed', articles: data.articles.size, statements: data.statements.size, speakers: data.speakers.size, durationMs: Math.round(performance.now() - started) },
    'corpus indexed',
  );
  return createEngine(data, { corpusDir: options.corpusDir, problems: corpus.problems, now: options.now ?? (() => new Date()), logger: options.logger });
}

export type { Answer, AskOptions };
