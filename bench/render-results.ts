import os from 'node:os';
import type { SizeResult } from './measure-size.js';
import type { BaselineResult } from './baseline.js';
import type { Latency } from './time-questions.js';

/** The machine line of the results: cores, memory, Node version, date. */
export function describeMachine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${os.platform()} ${os.release()}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const s = (ms: number) => (ms / 1000).toFixed(1);
const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(0));
const lat = (l: Latency | undefined) => (l ? `${ms(l.p50)} / ${ms(l.p99)}` : '–');
const n = (v: number) => v.toLocaleString('en-GB');

/** The Markdown written to bench/RESULTS.md. */
export function renderResults(results: SizeResult[], info: { machine: string; source: string; totalSeconds: number }): string {
  const cols = results.map((r) => n(r.articles));
  const row = (label: string, cells: string[]) => `| ${label} | ${cells.join(' | ')} |`;
  const lines: string[] = [
    '# Benchmark results',
    '',
    `Machine: ${info.machine}. Whole run: ${info.totalSeconds.toFixed(0)} s. Written by \`npm run bench\`; corpora generated from \`${info.source}\`.`,
    '',
    'Times in seconds (s) or milliseconds (ms); latencies are p50 / p99 in ms, each `ask` timed alone (question parsing, search, ranking, grouping).',
    '',
    row('articles', cols),
    row('---', cols.map(() => '---:')),
    row('statements / speakers', results.map((r) => `${n(r.statements)} / ${n(r.speakers)}`)),
    row('corpus generation (s)', results.map((r) => (r.generateMs === null ? 'reused' : s(r.generateMs)))),
    row('corpus read, hash and parse (s)', results.map((r) => s(r.loadMs))),
    row('extraction (s)', results.map((r) => s(r.extractMs))),
    row('grouping (s)', results.map((r) => s(r.groupMs))),
    row('index build (s)', results.map((r) => s(r.indexMs))),
    row('of which read and hash (s)', results.map((r) => s(r.hashMs))),
    row('save persisted index (s)', results.map((r) => s(r.saveMs))),
    row('persisted index size (MB)', results.map((r) => (r.cacheBytes / 1e6).toFixed(1))),
    row('**ready with persisted index, from process start (s)**', results.map((r) => s(r.loaded.readyMs))),
    row('of which `openBriefbot` (s)', results.map((r) => s(r.loaded.openMs))),
    row('heap after load (MB)', results.map((r) => r.loaded.heapMb.toFixed(0))),
    row('**RSS after load (MB)**', results.map((r) => r.loaded.rssMb.toFixed(0))),
    row('**`ask`, all questions**', results.map((r) => lat(r.loaded.byKind.all))),
    row('`ask`, speaker + topic', results.map((r) => lat(r.loaded.byKind['speaker+topic']))),
    row('`ask`, topic only', results.map((r) => lat(r.loaded.byKind.topic))),
    row('`ask`, who said', results.map((r) => lat(r.loaded.byKind['who said']))),
    row('`ask`, date range', results.map((r) => lat(r.loaded.byKind['date range']))),
    row('`ask`, typo', results.map((r) => lat(r.loaded.byKind.typo))),
    row('`ask` on the fresh build, all', results.map((r) => lat(r.fresh.byKind.all))),
    row('top 3 results, persisted = fresh build', results.map((r) => `${r.sameTop.equal} of ${r.sameTop.total}`)),
    row('baseline: index build (s)', results.map((r) => (r.baseline.kind === 'done' ? s(r.baseline.buildMs) : `stopped after ${s(r.baseline.afterMs)} s, ${r.baseline.indexed} statements indexed`))),
    row('baseline: heap (MB)', results.map((r) => (r.baseline.kind === 'done' ? r.baseline.heapMb.toFixed(0) : '–'))),
    row('baseline search, all', results.map((r) => lat(baseOf(r)?.all))),
    row('baseline search, speaker + topic', results.map((r) => lat(baseOf(r)?.['speaker+topic']))),
    row(
      '**ratio: Briefbot `ask` p50 / baseline search p50, speaker + topic**',
      results.map((r) => ratio(r.loaded.byKind['speaker+topic'], baseOf(r)?.['speaker+topic'], 'p50')),
    ),
    row('ratio, p99, speaker + topic', results.map((r) => ratio(r.loaded.byKind['speaker+topic'], baseOf(r)?.['speaker+topic'], 'p99'))),
    row('ratio, p50, all questions', results.map((r) => ratio(r.loaded.byKind.all, baseOf(r)?.all, 'p50'))),
    row('**one added article indexed in place (ms, median of 5)**', results.map((r) => ms(r.addOneMs))),
    row('reopen after one file added: re-hash, load, update, save (s)', results.map((r) => (r.reopenAfterAddMs === null ? '–' : s(r.reopenAfterAddMs)))),
    row('questions × rounds', results.map((r) => `${r.questions} × ${r.rounds}`)),
    row(
      '**asked quote in the answer: Briefbot (first page of 5) / plain minisearch top 5**',
      results.map((r) => (r.askedQuote ? `${r.askedQuote.briefbot} / ${r.askedQuote.baseline} of ${r.askedQuote.questions}` : '–')),
    ),
    '',
    '"Asked quote": generated "what did X say about W?" questions where W is a word of one of X\'s own direct quotes; counted when that quote is among Briefbot\'s results (as a result, a source of one, or within its quotation), and among the first 5 hits of plain minisearch (text and paragraph, fuzzy 0.2 and prefix, filtered to X), on the same questions in the same run.',
    '',
    'At 100,000 articles the baseline answers only the speaker + topic questions (3 rounds): its "who said" searches (fuzzy and prefix over every statement) take about a second each already at 10,000. "Reopen after one file added" runs only up to 20,000 articles.',
    '',
    ...renderTargets(results),
    ...renderGaps(results, info.totalSeconds),
  ];
  return lines.join('\n');
}

/**
 * Where a target is missed or the run is long, what limits it: the limits written here come from
 * profiles of this code (the notes say which), and a line is shown only when its target is missed.
 */
function renderGaps(results: SizeResult[], totalSeconds: number): string[] {
  const big = results.find((r) => r.articles === 100000);
  const lines: string[] = [];
  const p99 = big?.loaded.byKind.all?.p99;
  if (big && p99 !== undefined && p99 > 100) {
    lines.push(
      `- **\`ask\` p99 at 100,000 articles** (${ms(p99)} ms; speaker + topic p99 ${ms(big.loaded.byKind['speaker+topic']?.p99)} ms): the slow tail is topic-only questions on a common word ("what was said about placed?" matches 52,000 statements, 11,000 of them above the relevance floor). Profiled: scoring the postings and sorting the hits above the floor about half, grouping those hits into results the other half.`,
    );
  }
  if (totalSeconds > 600 && big) {
    const total = big.loadMs + big.extractMs + big.groupMs + big.indexMs;
    lines.push(
      `- **Whole run over ten minutes** (${totalSeconds.toFixed(0)} s): a full build at 100,000 articles takes ${s(total)} s, of which extraction ${s(big.extractMs)} s on every core, and the plain-minisearch baseline another ${big.baseline.kind === 'done' ? s(big.baseline.buildMs) : 'over 300'} s to build in one thread. With the persisted index none of this is paid at start: ready in ${s(big.loaded.readyMs)} s.`,
    );
  }
  return lines.length ? ['## Gaps, and what limits them', '', ...lines, ''] : [];
}

/** The issue's targets against the figures of this run (met, missed, or not measured). */
function renderTargets(results: SizeResult[]): string[] {
  const at = (n: number) => results.find((r) => r.articles === n);
  const check = (r: SizeResult | undefined, value: (r: SizeResult) => number, limit: number, unit: string): string => {
    if (!r) return 'not measured';
    const v = value(r);
    return `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ${unit}: ${v <= limit ? 'met' : '**missed**'}`;
  };
  const ten = at(10000);
  const hundred = at(100000);
  const speakerRatio = (r: SizeResult) => (r.loaded.byKind['speaker+topic']?.p50 ?? NaN) / (baseOf(r)?.['speaker+topic']?.p50 ?? NaN);
  return [
    '## Targets (issue 6)',
    '',
    '| at | target | this run |',
    '|---|---|---|',
    `| 10,000 | \`ask\` p50 ≤ 5 ms | ${check(ten, (r) => r.loaded.byKind.all!.p50, 5, 'ms')} |`,
    `| 10,000 | \`ask\` p99 ≤ 25 ms | ${check(ten, (r) => r.loaded.byKind.all!.p99, 25, 'ms')} |`,
    `| 10,000 | ready ≤ 2 s with a persisted index | ${check(ten, (r) => r.loaded.readyMs / 1000, 2, 's')} |`,
    `| 10,000 | one added article indexed ≤ 100 ms | ${check(ten, (r) => r.addOneMs, 100, 'ms')} |`,
    `| 100,000 | \`ask\` p99 ≤ 100 ms | ${check(hundred, (r) => r.loaded.byKind.all!.p99, 100, 'ms')} |`,
    `| 100,000 | ready ≤ 15 s with a persisted index | ${check(hundred, (r) => r.loaded.readyMs / 1000, 15, 's')} |`,
    `| 100,000 | RSS ≤ 2.5 GB | ${check(hundred, (r) => r.loaded.rssMb / 1000, 2.5, 'GB')} |`,
    `| 10,000 | speaker + topic: Briefbot p50 ≤ 0.3 × baseline p50 | ${check(ten, speakerRatio, 0.3, '×')} |`,
    `| 100,000 | speaker + topic: Briefbot p50 ≤ 0.3 × baseline p50 | ${check(hundred, speakerRatio, 0.3, '×')} |`,
    `| 10,000 | asked quote in the answer: Briefbot ≥ plain minisearch top 5 | ${ten?.askedQuote ? `${ten.askedQuote.briefbot} against ${ten.askedQuote.baseline}: ${ten.askedQuote.briefbot >= ten.askedQuote.baseline ? 'met' : '**missed**'}` : 'not measured'} |`,
    `| all sizes | top results with the persisted index = fresh build | ${results.every((r) => r.sameTop.equal === r.sameTop.total) ? 'met' : '**missed**'} |`,
    '',
  ];
}

function ratio(ours: Latency | undefined, base: Latency | undefined, key: 'p50' | 'p99'): string {
  if (!ours || !base || !base[key]) return '–';
  return (ours[key] / base[key]).toFixed(2);
}

/** The baseline's latencies, when its build finished. */
function baseOf(r: SizeResult): BaselineResult['byKind'] | null {
  return r.baseline.kind === 'done' ? r.baseline.byKind : null;
}
