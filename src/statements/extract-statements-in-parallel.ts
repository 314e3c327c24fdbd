import { availableParallelism } from 'node:os';
import type { Article } from '../corpus/article.js';
import { analyseInWorkers } from './analyse-in-workers.js';
import { extractFromAnalyses, extractStatements, type Extraction } from './extract-statements.js';

/** When extraction is worth spreading over threads, and over how many. */
export interface ParallelOptions {
  /** Fewer articles than this are extracted on the calling thread (a worker takes a moment to start). */
  minArticles?: number;
  /** Worker threads to use; the machine's cores by default. */
  threads?: number;
}

/**
 * Extracts the statements of all articles as `extractStatements` does, with the same output, but
 * with the per-article analysis spread over worker threads for a large corpus. Names are still
 * learned from the whole corpus, and statements attributed in corpus order, on the calling thread.
 */
export function extractStatementsInParallel(articles: Article[], options: ParallelOptions = {}): Extraction {
  const threads = options.threads ?? availableParallelism();
  if (threads < 2 || articles.length < (options.minArticles ?? 2000)) return extractStatements(articles);
  return extractFromAnalyses(analyseInWorkers(articles, threads));
}
