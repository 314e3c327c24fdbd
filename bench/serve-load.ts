import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { BENCH_SECRET, SERVE_SIZE, startBenchServer, writeResultsSection } from './bench-server.js';
import { createTeamsActivity } from './create-teams-activity.js';
import { renderLoadTest, type LoadFigures } from './render-load-test.js';
import { describeMachine } from './render-results.js';

const SIZE = SERVE_SIZE;
const SECRET = BENCH_SECRET;
/** Bounded in time and in connections: loopback only, nothing leaves the machine. */
const DURATION_S = 20;
const CONNECTIONS = 8;
/** A changed extraction or index code rebuilds the persisted index at first start (about 30 s at 10,000 articles). */
const READY_LIMIT_MS = 180_000;

/** A slash command as Slack sends it: a form body signed with the app's signing secret. */
export function signSlashCommand(text: string, n: number, secret: string, nowSeconds: number): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'briefing',
    user_id: `U0BENCH${n % 50}`,
    user_name: 'bench',
    command: '/brief',
    text,
    api_app_id: 'A0BENCH',
    response_url: 'http://127.0.0.1:9/commands/T0BENCH/1/x',
    trigger_id: `${nowSeconds}.${n}.bench`,
  }).toString();
  const timestamp = String(nowSeconds);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature } };
}

export async function waitForReady(port: number, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      const health = (await res.json()) as { status?: string };
      if (health.status === 'ready') return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`briefbot serve did not become ready in ${limitMs / 1000} s`);
}

/** Sends `next(n)`, the nth request, to `path` for the fixed time with the fixed connections, and sums up what came back. */
async function runLoad(port: number, requestPath: string, next: (n: number) => { body: string; headers: Record<string, string> }): Promise<LoadFigures> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: requestPath,
        setupRequest: (request) => {
          const made = next(n++);
          return { ...request, body: made.body, headers: { ...request.headers, ...made.headers } };
        },
      },
    ],
  });
  return {
    sent: result.requests.sent,
    answered: result.requests.total,
    throughput: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Waits until `count()` reaches `expected`, or stops growing for a second, or `limitMs` passes. */
async function waitForReplies(count: () => number, expected: number, limitMs: number): Promise<void> {
  const started = performance.now();
  let last = -1;
  let since = performance.now();
  while (count() < expected && performance.now() - started < limitMs) {
    if (count() !== last) [last, since] = [count(), performance.now()];
    else if (performance.now() - since > 1000) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Error and fatal lines (pino levels 50 and 60) in the server's log, and CloudAdapter's own console errors. */
export function countErrorLines(log: string): number {
  return log.split('\n').filter((line) => /"level":(50|60)\b/.test(line) || /^\s*(Error|TypeError|RangeError)\b/.test(line)).length;
}

/** The `index` field of the server's `corpus_indexed` log line: whether the persisted index was used. */
function findIndexSource(log: string): string | undefined {
  return /"event":"corpus_indexed"[^\n]*?"index":"([a-z]+)"/.exec(log)?.[1];
}

/**
 * `npm run bench -- --serve`: starts `briefbot serve` on loopback over the 10,000-article corpus
 * (made by a previous `npm run bench`), sends signed `/brief` slash commands, then Teams personal
 * messages (unauthenticated, replies going to a stand-in Bot Connector) with autocannon for a fixed
 * time each, and replaces the "## Load test" section of bench/RESULTS.md with throughput, latency and errors.
 */
export async function runServeLoad(root: string): Promise<void> {
  const running = await startBenchServer(root, 'serve-load.log', 39000);
  const { port, questions, connector, logFile } = running;
  try {
    const readyMs = await waitForReady(port, READY_LIMIT_MS);
    const slackLoad = os.loadavg()[0]!;
    const slack = await runLoad(port, '/slack/events', (n) => signSlashCommand(questions[n % questions.length]!.text, n, SECRET, Math.floor(Date.now() / 1000)));
    const teamsLoad = os.loadavg()[0]!;
    const teams = await runLoad(port, '/api/messages', (n) => ({
      body: JSON.stringify(createTeamsActivity(questions[n % questions.length]!.text, n, connector.serviceUrl, new Date())),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }));
    // Activities in flight when the time ran out are still answered: wait for their replies before counting.
    await waitForReplies(() => connector.tally().received, teams.sent, 15_000);
    const log = readFileSync(logFile, 'utf8');
    const section = renderLoadTest({
      size: SIZE,
      machine: describeMachine(),
      connections: CONNECTIONS,
      durationS: DURATION_S,
      questions: questions.length,
      readyMs,
      indexSource: findIndexSource(log),
      loadAverage: { slack: slackLoad, teams: teamsLoad },
      slack,
      teams,
      replies: connector.tally(),
      serverErrors: countErrorLines(log),
    });
    writeResultsSection(root, '## Load test:', section);
    process.stdout.write(section);
    process.stderr.write(`[bench] server log: ${path.relative(root, logFile)}\n`);
  } finally {
    await running.stop(5000);
  }
}
