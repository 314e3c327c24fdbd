import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { BENCH_SECRET, SERVE_SIZE, startBenchServer, writeResultsSection } from './bench-server.js';
import { createTeamsActivity } from './create-teams-activity.js';
import { describeMachine } from './render-results.js';
import { renderSoak, type MemorySample, type SoakStream } from './render-soak.js';
import { countErrorLines, signSlashCommand, waitForReady } from './serve-load.js';

const SIZE = SERVE_SIZE;
const SECRET = BENCH_SECRET;
/** Steady rates, well under what one process answers at full load (see "## Load test"), so the soak measures drift, not saturation. */
export const DEFAULT_SOAK_RATES = { slack: 100, teams: 50 } as const;
const CONNECTIONS = 8;
const SAMPLE_EVERY_MS = 10_000;
const READY_LIMIT_MS = 180_000;

function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? NaN : Number(line.slice(name.length + 1));
}

/** Reads the server's RSS and heap from its `/metrics` (prom-client's process metrics). */
async function sampleMemory(port: number, atS: number): Promise<MemorySample | null> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    return { atS, rssBytes: metricValue(text, 'process_resident_memory_bytes'), heapUsedBytes: metricValue(text, 'nodejs_heap_size_used_bytes') };
  } catch {
    return null;
  }
}

/** One autocannon stream at a fixed overall rate for the whole soak. */
async function runStream(port: number, requestPath: string, ratePerS: number, durationS: number, next: (n: number) => { body: string; headers: Record<string, string> }): Promise<SoakStream> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: durationS,
    overallRate: ratePerS,
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
    ratePerS,
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

/**
 * `npm run bench -- --soak [minutes]` (default 10): `briefbot serve` on loopback over the
 * 10,000-article corpus (made by `npm run bench -- --sizes 10000`), signed slash commands and Teams
 * activities at steady rates side by side for the whole time (default 100 and 50 a second; `--rate 30,15`), the server's memory sampled every
 * 10 s; replaces the "## Soak" section of bench/RESULTS.md and keeps the samples in bench/data.
 */
export async function runSoak(root: string, minutes: number, rates: { slack: number; teams: number } = DEFAULT_SOAK_RATES): Promise<void> {
  const durationS = Math.round(minutes * 60);
  const running = await startBenchServer(root, 'soak.log', 40000);
  const { port, questions, connector, logFile } = running;
  const samples: MemorySample[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const readyMs = await waitForReady(port, READY_LIMIT_MS);
    process.stderr.write(`[bench] soak: ready in ${(readyMs / 1000).toFixed(1)} s; ${minutes} min at ${rates.slack} slash commands and ${rates.teams} Teams activities a second\n`);
    const began = performance.now();
    const sample = async () => {
      const s = await sampleMemory(port, Math.round((performance.now() - began) / 1000));
      if (s) samples.push(s);
    };
    await sample();
    timer = setInterval(() => void sample(), SAMPLE_EVERY_MS);
    const [slack, teams] = await Promise.all([
      runStream(port, '/slack/events', rates.slack, durationS, (n) => signSlashCommand(questions[n % questions.length]!.text, n, SECRET, Math.floor(Date.now() / 1000))),
      runStream(port, '/api/messages', rates.teams, durationS, (n) => ({
        body: JSON.stringify(createTeamsActivity(questions[(n * 7) % questions.length]!.text, n, connector.serviceUrl, new Date())),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      })),
    ]);
    clearInterval(timer);
    await sample();
    // Replies to activities still in flight when the time ran out.
    const until = performance.now() + 15_000;
    while (connector.tally().received < teams.sent && performance.now() < until) await new Promise((r) => setTimeout(r, 100));
    const report = {
      size: SIZE,
      machine: describeMachine(),
      minutes,
      connections: CONNECTIONS,
      readyMs,
      slack,
      teams,
      replies: connector.tally(),
      samples,
      warmupS: Math.min(60, Math.round(durationS / 5)),
      serverErrors: countErrorLines(readFileSync(logFile, 'utf8')),
    };
    writeFileSync(path.join(root, 'bench/data', 'soak-result.json'), JSON.stringify(report, null, 1));
    const section = renderSoak(report);
    writeResultsSection(root, '## Soak:', section);
    process.stdout.write(section);
  } finally {
    if (timer) clearInterval(timer);
    await running.stop(15_000);
  }
}
