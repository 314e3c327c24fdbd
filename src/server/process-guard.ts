import type { Logger } from '../logging.js';

/**
 * Keeps one request's failure from stopping the server: a promise rejection or exception that no
 * code caught (a library's async path on a hostile request) is logged by name and code, never
 * with its message or stack, and the process goes on serving. Returns how to remove the guard.
 */
export function installProcessGuard(logger: Logger, on: Pick<NodeJS.Process, 'on' | 'off'> = process): () => void {
  const describe = (error: unknown) => ({ name: (error as Error | null)?.name ?? typeof error, code: (error as { code?: unknown } | null)?.code });
  const rejected = (reason: unknown) => logger.error({ event: 'unhandled_rejection', err: describe(reason) }, 'a request failed with an uncaught rejection; still serving');
  const thrown = (error: unknown) => logger.error({ event: 'uncaught_exception', err: describe(error) }, 'a request failed with an uncaught exception; still serving');
  on.on('unhandledRejection', rejected);
  on.on('uncaughtException', thrown);
  return () => {
    on.off('unhandledRejection', rejected);
    on.off('uncaughtException', thrown);
  };
}
