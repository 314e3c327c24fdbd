import { Worker } from 'node:worker_threads';

/** What a worker's index build came to: the cache saved (the main thread can load it), or why not. */
export type WorkerBuild = { ok: true; source: string } | { ok: false; code: string };

const ENTRY = new URL('./index-worker.mjs', import.meta.url);

/**
 * Brings the persisted index of `corpusDir` up to date in a worker thread: extraction and indexing
 * (seconds to minutes for a large corpus) run there, so the main thread keeps answering from the
 * old index and afterwards only loads the saved one. Never rejects; `signal` stops the worker
 * (a shutdown does not wait for a build it will not use).
 */
export function runIndexWorker(corpusDir: string, signal?: AbortSignal): Promise<WorkerBuild> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: WorkerBuild) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    let worker: Worker;
    try {
      worker = new Worker(ENTRY, { workerData: { corpusDir } });
    } catch (error) {
      settle({ ok: false, code: (error as { code?: string }).code ?? 'WORKER_START_FAILED' });
      return;
    }
    if (signal?.aborted) void worker.terminate();
    signal?.addEventListener('abort', () => {
      settle({ ok: false, code: 'ABORTED' });
      void worker.terminate();
    });
    worker.once('message', (message: { ok: boolean; source?: string; code?: string }) => {
      settle(message.ok ? { ok: true, source: message.source ?? 'built' } : { ok: false, code: String(message.code ?? 'error') });
    });
    worker.once('error', (error) => settle({ ok: false, code: (error as { code?: string }).code ?? error.name }));
    worker.once('exit', (code) => settle({ ok: false, code: `exit ${code}` }));
  });
}
