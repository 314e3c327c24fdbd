import type { MessagePort } from 'node:worker_threads';
import type { Article } from '../corpus/article.js';
import { analyseArticle } from './analyse-article.js';
import { encodeAnalyses, type EncodedAnalyses } from './analysis-codec.js';

/** What a worker posts: one chunk's analyses, a chunk it could not send, or the error that stopped it. */
export type AnalysisMessage =
  | { kind: 'analysed'; first: number; analyses: EncodedAnalyses }
  | { kind: 'unsent'; first: number; count: number }
  | { kind: 'failed'; error: string };

/** One worker's share of a corpus: chunks of consecutive articles, each with the index of its first. */
export interface AnalysisJob {
  chunks: Array<{ first: number; articles: Article[] }>;
  /** Where the analyses go; read by the main thread with `receiveMessageOnPort`. */
  port: MessagePort;
  /** Bumped after every message, so the main thread can sleep on it with `Atomics.wait`. */
  signal: Int32Array;
}

/** Posts a message to the main thread and wakes it. */
export function postAnalysisMessage(job: Pick<AnalysisJob, 'port' | 'signal'>, message: AnalysisMessage): void {
  job.port.postMessage(message);
  Atomics.add(job.signal, 0, 1);
  Atomics.notify(job.signal, 0);
}

/** Runs in a worker thread: analyses each chunk of the job and posts the analyses chunk by chunk. */
export function runAnalysisJob(job: AnalysisJob): void {
  for (const { first, articles } of job.chunks) {
    const analyses = encodeAnalyses(articles.map(analyseArticle));
    try {
      postAnalysisMessage(job, { kind: 'analysed', first, analyses });
    } catch {
      // A value that cannot be copied between threads: the main thread analyses these articles itself.
      postAnalysisMessage(job, { kind: 'unsent', first, count: articles.length });
    }
  }
}
