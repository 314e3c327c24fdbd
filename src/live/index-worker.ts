import { parentPort, workerData } from 'node:worker_threads';
import { openEngineData } from '../store/open-memory-store.js';

/**
 * Runs in a worker thread: brings the persisted index of a corpus up to date (updated in place or
 * rebuilt, then saved), so the main thread only loads the result. Posts `{ ok, source }` or `{ ok: false, code }`.
 */
const { corpusDir } = workerData as { corpusDir: string };
try {
  const { index } = await openEngineData(corpusDir, 'use');
  parentPort?.postMessage({ ok: index.savedBytes !== null || index.source === 'cache', source: index.source });
} catch (error) {
  parentPort?.postMessage({ ok: false, code: (error as { code?: unknown })?.code ?? (error as Error)?.name ?? 'error' });
}
