import type { Article } from '../corpus/article.js';
import type { CorpusProblem } from '../corpus/corpus-problem.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import type { Logger } from '../logging.js';
import type { Speaker, Statement } from '../statements/statement.js';
import type { Answer, AskOptions, Briefbot } from './answer-schema.js';

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

/** Loads a corpus folder, extracts its statements, indexes them and returns the engine. */
export async function openBriefbot(options: OpenOptions): Promise<BriefbotEngine> {
  const corpus = await loadCorpus(options.corpusDir);
  throw new Error(`not built yet (${corpus.articles.length} articles)`);
}

export type { Answer, AskOptions };
