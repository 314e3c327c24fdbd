import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { describeMachine } from './render-results.js';
import type { BenchQuestion } from './questions.js';

/** The corpus size of the load test, as the issue sets it. */
const SIZE = 10000;
const SECRET = 'bench-signing-secret-0123456789';
/** Bounded in time and in connections: loopback only, nothing leaves the machine. */
const DURATION_S = 20;
const CONNECTIONS = 8;

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

async function waitForReady(port: number, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      const health = (await res.json()) as { status?: string };
      if (health.status === 'ready') return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('briefbot serve did not become ready in time');
}

/**
 * `npm run bench -- --serve`: starts `briefbot serve` on loopback over the 10,000-article corpus
 * (made by a previous `npm run bench`), then sends signed `/brief` slash commands with autocannon
 * for a fixed time, and appends throughput, latency and errors to bench/RESULTS.md.
 */
export async function runServeLoad(root: string): Promise<void> {
  const dir = path.join(root, 'bench/data', `corpus-${SIZE}`);
  const questionsFile = path.join(root, 'bench/data', `questions-${SIZE}.json`);
  if (!existsSync(dir) || !existsSync(questionsFile)) throw new Error(`run "npm run bench -- --sizes ${SIZE}" first: it makes the corpus and questions`);
  const questions = JSON.parse(readFileSync(questionsFile, 'utf8')) as BenchQuestion[];
  const port = 39000 + Math.floor(Math.random() * 1000);
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-bench-not-a-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_ID: 'B0BENCH',
    SLACK_BOT_USER_ID: 'U0BENCH',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    BRIEFBOT_LOG_LEVEL: 'info',
  };
  const server = spawn(process.execPath, [path.join(root, 'bin/briefbot.mjs'), 'serve', '--corpus', dir, '--port', String(port), '--host', '127.0.0.1'], { env, stdio: 'ignore' });
  try {
    const readyMs = await waitForReady(port, 120_000);
    let n = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          path: '/slack/events',
          setupRequest: (request) => {
            const q = questions[n % questions.length]!;
            const signed = signSlashCommand(q.text, n++, SECRET, Math.floor(Date.now() / 1000));
            return { ...request, body: signed.body, headers: { ...request.headers, ...signed.headers } };
          },
        },
      ],
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    const lines = [
      '',
      `## Load test: \`briefbot serve\`, signed Slack slash commands, ${SIZE.toLocaleString('en-GB')} articles`,
      '',
      `Machine: ${describeMachine()}. autocannon and the server share the machine's cores. ${CONNECTIONS} connections for ${DURATION_S} s on loopback, the ${questions.length} benchmark questions in turn; the server logs at info level.`,
      '',
      '| figure | value |',
      '|---|---:|',
      `| ready after start (persisted index) | ${(readyMs / 1000).toFixed(1)} s |`,
      `| slash commands answered | ${result.requests.total.toLocaleString('en-GB')} |`,
      `| **throughput** | **${result.requests.average.toFixed(0)} /s** |`,
      `| latency p50 / p99 | ${result.latency.p50} / ${result.latency.p99} ms |`,
      `| **errors** (failed, timed out, non-2xx) | **${errors}** |`,
      '',
    ];
    const out = path.join(root, 'bench/RESULTS.md');
    const previous = existsSync(out) ? readFileSync(out, 'utf8').replace(/\n## Load test:[\s\S]*$/, '\n') : '';
    writeFileSync(out, previous.trimEnd() + '\n' + lines.join('\n'));
    process.stdout.write(lines.join('\n'));
  } finally {
    server.kill('SIGTERM');
  }
}
