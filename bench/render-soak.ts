import type { ReplyTally } from './connector-stand-in.js';

/** One sample of the server's memory, every 10 s: seconds since the load began, RSS and V8 heap used, in bytes. */
export interface MemorySample {
  atS: number;
  rssBytes: number;
  heapUsedBytes: number;
}

/** What autocannon measured for one stream of the soak. */
export interface SoakStream {
  ratePerS: number;
  sent: number;
  answered: number;
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** Everything the "## Soak" section of bench/RESULTS.md reports. */
export interface SoakReport {
  size: number;
  machine: string;
  minutes: number;
  connections: number;
  readyMs: number;
  slack: SoakStream;
  teams: SoakStream;
  replies: ReplyTally;
  samples: MemorySample[];
  warmupS: number;
  serverErrors: number;
}

/** The least-squares slope of `y` over `x` (units of y per unit of x); 0 with fewer than two points. */
export function slopeOf(points: Array<{ x: number; y: number }>): number {
  if (points.length < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / points.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  if (sxx === 0) return 0;
  return points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) / sxx;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * How memory moved after warm-up: RSS at the first and last samples past `warmupS`; the growth,
 * as a fraction, from the median RSS of the first third of those samples to that of the last third
 * (garbage collection makes single samples saw up and down); the fitted slopes in MB per hour; and
 * the lowest heap in each half (what survives collection: a leak raises it).
 */
export function summariseMemory(samples: MemorySample[], warmupS: number) {
  const after = samples.filter((s) => s.atS >= warmupS);
  const first = after[0];
  const last = after[after.length - 1];
  const mb = (b: number) => b / 2 ** 20;
  const third = Math.max(1, Math.floor(after.length / 3));
  const early = median(after.slice(0, third).map((s) => s.rssBytes));
  const late = median(after.slice(-third).map((s) => s.rssBytes));
  const half = Math.ceil(after.length / 2);
  const floor = (part: MemorySample[]) => (part.length > 0 ? Math.min(...part.map((s) => mb(s.heapUsedBytes))) : NaN);
  return {
    medianGrowth: (late - early) / early,
    earlyRssMb: mb(early),
    lateRssMb: mb(late),
    heapFloorFirstHalfMb: floor(after.slice(0, half)),
    heapFloorSecondHalfMb: floor(after.slice(half)),
    samples: after.length,
    firstRssMb: first ? mb(first.rssBytes) : NaN,
    lastRssMb: last ? mb(last.rssBytes) : NaN,
    peakRssMb: after.length > 0 ? Math.max(...after.map((s) => mb(s.rssBytes))) : NaN,
    growth: first && last ? (last.rssBytes - first.rssBytes) / first.rssBytes : NaN,
    rssSlopeMbPerHour: slopeOf(after.map((s) => ({ x: s.atS / 3600, y: mb(s.rssBytes) }))),
    heapSlopeMbPerHour: slopeOf(after.map((s) => ({ x: s.atS / 3600, y: mb(s.heapUsedBytes) }))),
    firstHeapMb: first ? mb(first.heapUsedBytes) : NaN,
    lastHeapMb: last ? mb(last.heapUsedBytes) : NaN,
  };
}

const n = (v: number) => v.toLocaleString('en-GB');
const errorsOf = (s: SoakStream) => s.errors + s.timeouts + s.non2xx;

/** The soak's targets (issue 13): no errors, RSS growth under 5 % after warm-up, p99 at most 150 ms. */
export const SOAK_TARGET = { growth: 0.05, p99: 150 } as const;

/** The "## Soak" section. */
export function renderSoak(r: SoakReport): string {
  const m = summariseMemory(r.samples, r.warmupS);
  const row = (label: string, a: string, b: string) => `| ${label} | ${a} | ${b} |`;
  const errors = (s: SoakStream) => `**${n(errorsOf(s))}** (${n(s.errors)} / ${n(s.timeouts)} / ${n(s.non2xx)})`;
  // Requests still in flight when the time ran out are "sent" but not answered: only answered ones need a reply.
  const totalErrors = errorsOf(r.slack) + errorsOf(r.teams) + r.replies.notCards + r.replies.badPaths + r.serverErrors + Math.max(0, r.teams.answered - r.replies.received);
  const verdict = [
    `errors ${totalErrors === 0 ? 'none (met)' : `${n(totalErrors)} (**not met**)`}`,
    `RSS growth after warm-up ${(m.medianGrowth * 100).toFixed(1)} % (median of the first third of the samples to that of the last; ${m.medianGrowth < SOAK_TARGET.growth ? 'met' : '**not met**'}, under ${SOAK_TARGET.growth * 100} %)`,
    `p99 ${Math.max(r.slack.p99, r.teams.p99)} ms (${Math.max(r.slack.p99, r.teams.p99) <= SOAK_TARGET.p99 ? 'met' : '**not met**'}, at most ${SOAK_TARGET.p99} ms)`,
  ].join('; ');
  const everyMinute = r.samples.filter((s, i) => i % 6 === 0 || i === r.samples.length - 1);
  return [
    '',
    `## Soak: \`briefbot serve\` for ${r.minutes} minutes at a steady rate, ${n(r.size)} articles`,
    '',
    `Machine: ${r.machine}. \`npm run bench -- --soak ${r.minutes}\`: one server process on loopback (info logging to a file, rate limit off); autocannon sends signed \`/brief\` slash commands and Teams personal messages (unauthenticated, replies to a stand-in Bot Connector) side by side at fixed rates with ${r.connections} connections each, the benchmark questions in turn; the server's RSS and V8 heap are read from its \`GET /metrics\` every 10 s. Ready after start: ${(r.readyMs / 1000).toFixed(1)} s.`,
    '',
    row('figure', 'Slack slash commands', 'Teams activities'),
    '|---|---:|---:|',
    row('rate asked', `${r.slack.ratePerS} /s`, `${r.teams.ratePerS} /s`),
    row('requests sent / answered', `${n(r.slack.sent)} / ${n(r.slack.answered)}`, `${n(r.teams.sent)} / ${n(r.teams.answered)}`),
    row('**throughput**', `**${r.slack.throughput.toFixed(0)} /s**`, `**${r.teams.throughput.toFixed(0)} /s**`),
    row('latency p50 / p99', `${r.slack.p50} / ${r.slack.p99} ms`, `${r.teams.p50} / ${r.teams.p99} ms`),
    row('**errors** (failed / timed out / non-2xx)', errors(r.slack), errors(r.teams)),
    row('replies at the stand-in Connector: cards / received / without a card', '–', `${n(r.replies.cards)} / ${n(r.replies.received)} / ${n(r.replies.notCards)}`),
    '',
    `Memory after a ${r.warmupS} s warm-up (${m.samples} samples): RSS ${m.firstRssMb.toFixed(0)} → ${m.lastRssMb.toFixed(0)} MB first to last sample (peak ${m.peakRssMb.toFixed(0)} MB), median ${m.earlyRssMb.toFixed(0)} MB in the first third and ${m.lateRssMb.toFixed(0)} MB in the last, fitted slope ${m.rssSlopeMbPerHour.toFixed(1)} MB/hour; heap used ${m.firstHeapMb.toFixed(0)} → ${m.lastHeapMb.toFixed(0)} MB, lowest ${m.heapFloorFirstHalfMb.toFixed(0)} MB in the first half and ${m.heapFloorSecondHalfMb.toFixed(0)} MB in the second, slope ${m.heapSlopeMbPerHour.toFixed(1)} MB/hour. Error-level lines in the server's log: ${n(r.serverErrors)}. Teams requests still in flight when the time ran out (sent, not answered): ${n(r.teams.sent - r.teams.answered)}; Slack: ${n(r.slack.sent - r.slack.answered)}.`,
    '',
    `Targets (issue 13): ${verdict}.`,
    '',
    '| minute | RSS MB | heap used MB |',
    '|---:|---:|---:|',
    ...everyMinute.map((s) => `| ${(s.atS / 60).toFixed(1)} | ${(s.rssBytes / 2 ** 20).toFixed(0)} | ${(s.heapUsedBytes / 2 ** 20).toFixed(0)} |`),
    '',
  ].join('\n');
}
