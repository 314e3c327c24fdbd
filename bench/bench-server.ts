import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startConnectorStandIn } from './connector-stand-in.js';
import type { BenchQuestion } from './questions.js';
import { replaceSection } from './replace-section.js';

/** The corpus size the load test and the soak run on, as issue 13 sets it. */
export const SERVE_SIZE = 10000;
/** The signing secret of the bench's Slack app (requests are signed with it; nothing leaves the machine). */
export const BENCH_SECRET = 'bench-signing-secret-0123456789';

/** `briefbot serve` started for a bench run, with the questions to ask it and the stand-in Bot Connector its Teams replies go to. */
export interface BenchServer {
  port: number;
  questions: BenchQuestion[];
  connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
  logFile: string;
  server: ChildProcess;
  /** Stops the server (waiting up to `waitMs` for it to exit), then the stand-in, so no turn still running fails for want of it. */
  stop(waitMs: number): Promise<void>;
}

/**
 * Starts `briefbot serve` on loopback over the 10,000-article corpus made by `npm run bench -- --sizes
 * 10000`: a Slack app whose signing secret the bench knows, Teams unauthenticated (Bot Framework
 * tokens cannot be minted offline; allowed on loopback only) replying to a stand-in, info logging to
 * `bench/data/<logName>`, and the rate limit off (the load comes from a handful of users).
 */
export async function startBenchServer(root: string, logName: string, portBase: number): Promise<BenchServer> {
  const dir = path.join(root, 'bench/data', `corpus-${SERVE_SIZE}`);
  const questionsFile = path.join(root, 'bench/data', `questions-${SERVE_SIZE}.json`);
  if (!existsSync(dir) || !existsSync(questionsFile)) throw new Error(`run "npm run bench -- --sizes ${SERVE_SIZE}" first: it makes the corpus and questions`);
  const questions = JSON.parse(readFileSync(questionsFile, 'utf8')) as BenchQuestion[];
  const port = portBase + Math.floor(Math.random() * 1000);
  const connector = await startConnectorStandIn();
  const { TEAMS_APP_ID: _appId, TEAMS_APP_PASSWORD: _password, TEAMS_TENANT_ID: _tenant, ...inherited } = process.env;
  const env = {
    ...inherited,
    SLACK_BOT_TOKEN: 'xoxb-bench-not-a-token',
    SLACK_SIGNING_SECRET: BENCH_SECRET,
    SLACK_BOT_ID: 'B0BENCH',
    SLACK_BOT_USER_ID: 'U0BENCH',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    BRIEFBOT_LOG_LEVEL: 'info',
    BRIEFBOT_RATE_LIMIT: 'off',
  };
  const logFile = path.join(root, 'bench/data', logName);
  const logFd = openSync(logFile, 'w');
  const server = spawn(process.execPath, [path.join(root, 'bin/briefbot.mjs'), 'serve', '--corpus', dir, '--port', String(port), '--host', '127.0.0.1'], {
    env,
    stdio: ['ignore', logFd, logFd],
  });
  return {
    port,
    questions,
    connector,
    logFile,
    server,
    async stop(waitMs) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, waitMs))]);
      closeSync(logFd);
      await connector.close();
    },
  };
}

/** Replaces one section of bench/RESULTS.md (from its heading to the next), keeping the rest. */
export function writeResultsSection(root: string, heading: string, section: string): void {
  const out = path.join(root, 'bench/RESULTS.md');
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmark results\n';
  writeFileSync(out, replaceSection(previous, heading, section));
}
