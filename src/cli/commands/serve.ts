import type { Command } from 'commander';
import { createLogger } from '../../logging.js';
import { installProcessGuard } from '../../server/process-guard.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';

/** `--port`, else `PORT`, else 3000; null when it is not a port number. */
export function resolvePort(option: string | undefined, env: NodeJS.ProcessEnv): number | null {
  const raw = (option ?? env.PORT ?? '3000').trim();
  if (!/^\d{1,5}$/.test(raw)) return null;
  const port = Number(raw);
  return port <= 65535 ? port : null;
}

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Adds `briefbot serve`: one HTTP server for Slack (and Teams) plus health, readiness and metrics, until Ctrl-C or SIGTERM. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('start the chat server: POST /slack/events, POST /api/messages, GET /healthz, /readyz, /metrics and, with BRIEFBOT_PUBLIC_URL, GET /quotes/<id> on PORT (default 3000)')
    .option('--corpus <dir>', 'the corpus folder (default $BRIEFBOT_CORPUS or corpus/)')
    .option('--port <n>', 'the port to listen on (default $PORT or 3000)')
    .option('--host <address>', 'the address to listen on (default $HOST, else every interface); 127.0.0.1 for loopback only')
    .action(async (options: { corpus?: string; port?: string; host?: string }) => {
      const port = resolvePort(options.port, io.env);
      if (port === null) {
        io.err('briefbot: --port (or PORT) must be a number from 0 to 65535');
        io.exitCode = 2;
        return;
      }
      const { startServe } = await import('../../../adapters/serve.js');
      const host = options.host ?? io.env.HOST ?? undefined;
      const logger = createLogger();
      const removeGuard = installProcessGuard(logger);
      const deadline = Number(io.env.BRIEFBOT_SHUTDOWN_SECONDS ?? '10');
      const shutdownDeadlineMs = Number.isFinite(deadline) && deadline >= 0 ? deadline * 1000 : 10_000;
      const running = await startServe({ corpusDir: resolveCorpusDir(options.corpus, io.env), port, host, env: io.env, logger, shutdownDeadlineMs });
      io.err(`briefbot: listening on http://${host ?? 'localhost'}:${running.port} (liveness /healthz, readiness /readyz, metrics /metrics)`);
      const stopped = waitForStopSignal();
      const outcome = await Promise.race([running.ready.then(() => stopped), stopped]).catch(() => 'failed' as const);
      if (outcome === 'failed') {
        io.err('briefbot: could not start (the corpus could not be opened, or a platform could not be set up); see the log above. Stopping.');
        io.exitCode = 1;
      }
      // A second signal while draining stops at once.
      const now = () => process.exit(130);
      process.once('SIGINT', now);
      process.once('SIGTERM', now);
      await running.close();
      process.off('SIGINT', now);
      process.off('SIGTERM', now);
      removeGuard();
    });
}
