import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Article } from '../corpus/article.js';
import { analyseArticle, type ArticleAnalysis } from './analyse-article.js';
import { decodeAnalyses } from './analysis-codec.js';
import type { AnalysisJob, AnalysisMessage } from './analysis-worker.js';

/** How long to wait for word from any worker before analysing what is left on this thread. */
const STALL_MS = 60_000;
/** Articles a message carries at most: small enough to spread a corpus evenly, large enough to keep messages few. */
const CHUNK = 250;

/**
 * A worker's first script. It registers tsx when the sources run as TypeScript (a worker thread
 * does not inherit the main thread's loader), loads the worker module and runs its job; any
 * failure is posted back, so the main thread does that work itself.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  (await import(workerData.entry)).runAnalysisJob(workerData.job);
})().catch((error) => {
  const { port, signal } = workerData.job;
  port.postMessage({ kind: 'failed', error: String((error && error.stack) || error) });
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/** The worker module beside this one (`.ts` under tsx and vitest, `.js` once built), and tsx's loader when needed. */
function workerModule(): { entry: string; tsx: string | null } | null {
  const ext = path.extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./analysis-worker${ext}`, import.meta.url).href;
  if (ext !== '.ts') return { entry, tsx: null };
  try {
    return { entry, tsx: import.meta.resolve('tsx/esm/api') };
  } catch {
    return null;
  }
}

/**
 * Analyses articles in `threads` worker threads and blocks until all are done, so synchronous
 * callers keep their shape. Whatever the workers do not deliver (they could not start, stalled,
 * failed, or met a value that cannot be copied between threads) is analysed on this thread: the
 * result always equals `articles.map(analyseArticle)`.
 */
export function analyseInWorkers(articles: Article[], threads: number): ArticleAnalysis[] {
  const analyses: Array<ArticleAnalysis | undefined> = new Array(articles.length);
  const source = workerModule();
  const size = Math.max(1, Math.min(CHUNK, Math.ceil(articles.length / (threads * 4))));
  const shares: AnalysisJob['chunks'][] = Array.from({ length: threads }, () => []);
  // Chunks dealt round-robin, so long and short stretches of the corpus are shared out evenly.
  for (let first = 0, k = 0; first < articles.length; first += size, k++) {
    shares[k % threads]!.push({ first, articles: articles.slice(first, first + size) });
  }
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const running: Array<{ worker: Worker; port: MessagePort; left: number }> = [];
  if (source) {
    for (const chunks of shares.filter((c) => c.length > 0)) {
      const { port1, port2 } = new MessageChannel();
      try {
        const job: AnalysisJob = { chunks, port: port2, signal };
        const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { ...source, job }, transferList: [port2] });
        // A worker that dies leaves its articles undelivered, and they are analysed here: its error needs no other handling.
        worker.on('error', () => {});
        worker.unref();
        running.push({ worker, port: port1, left: chunks.length });
      } catch {
        port1.close();
      }
    }
  }

  const place = (message: AnalysisMessage, from: (typeof running)[number]): void => {
    if (message.kind === 'failed') {
      from.left = 0;
      return;
    }
    from.left--;
    if (message.kind === 'analysed') {
      const { first } = message;
      decodeAnalyses(message.analyses, articles.slice(first, first + message.analyses.count)).forEach((a, i) => {
        analyses[first + i] = a;
      });
    }
  };
  while (running.some((r) => r.left > 0)) {
    const seen = Atomics.load(signal, 0);
    let heard = false;
    for (const r of running) {
      for (let m = receiveMessageOnPort(r.port); m; m = receiveMessageOnPort(r.port)) {
        place(m.message as AnalysisMessage, r);
        heard = true;
      }
    }
    if (!heard && Atomics.wait(signal, 0, seen, STALL_MS) === 'timed-out') break;
  }
  for (const r of running) {
    r.port.close();
    void r.worker.terminate();
  }
  for (let i = 0; i < articles.length; i++) analyses[i] ??= analyseArticle(articles[i]!);
  return analyses as ArticleAnalysis[];
}
