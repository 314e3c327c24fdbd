import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openBriefbot } from '../src/answer/open-briefbot.js';
import type { Briefbot } from '../src/index.js';
import type { Statement } from '../src/statements/statement.js';
import { migrate } from '../src/store/postgres/migrate.js';
import { createPgPools } from '../src/store/postgres/pg-pools.js';
import { indexToPostgres, openPostgresBriefbot } from '../src/store/postgres/postgres-briefbot.js';
import { BENCH_NOW } from './bench-now.js';
import { countArticles, generateCorpus, type readTemplates } from './generate-corpus.js';
import { createQuestionMix, type BenchQuestion } from './questions.js';
import { describeMachine } from './render-results.js';
import { summarise, topOf, type Latency } from './time-questions.js';

/** Kept equal to measure-size.ts's, so both benches share the corpora on disk. */
const GENERATOR_VERSION = 1;
/** The in-process store is measured beside PostgreSQL up to this size (the comparison). */
const COMPARE_UP_TO = 100_000;
const READY_LIMIT_MS = 900_000;

/** What one size gave on PostgreSQL (and on the in-process store, when compared). */
export interface PostgresSizeResult {
  articles: number;
  statements: number;
  loadSeconds: number;
  articlesPerSecond: number;
  databaseMb: number;
  postgres: StoreFigures;
  memory: StoreFigures | null;
  sameTop3: string | null;
  loadAverage: number;
}

/** One store's figures: in-process open, `ask` alone and 8 at once, and `briefbot serve` as a process. */
interface StoreFigures {
  openMs: number;
  ask1: Latency;
  ask8: Latency;
  serveReadyMs: number;
  /** From the server's own `engine_ready` log line: opening the corpus, after the process started. */
  serveOpenMs: number;
  serveRssMb: number;
}

const log = (s: string) => process.stderr.write(`[bench:postgres] ${s}\n`);

function ensureCorpus(root: string, size: number, templates: ReturnType<typeof readTemplates>): string {
  const dir = path.join(root, 'bench/data', `corpus-${size}`);
  const marker = path.join(dir, '.generated');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== `${GENERATOR_VERSION} ${size}` || countArticles(dir) !== size) {
    log(`${size}: generating`);
    generateCorpus({ dir, count: size, templates });
    writeFileSync(marker, `${GENERATOR_VERSION} ${size}`);
  }
  return dir;
}

/** Each question alone, `rounds` times over the mix; then `clients` askers at once over the same number of questions. */
async function timeAsks(bot: Briefbot, questions: BenchQuestion[], rounds: number, clients: number): Promise<{ ask1: Latency; ask8: Latency; top: string[][] }> {
  const top: string[][] = [];
  for (const q of questions) top.push(topOf(await bot.ask(q.text)));
  const timed = async (q: BenchQuestion) => {
    const started = performance.now();
    await bot.ask(q.text);
    return performance.now() - started;
  };
  const alone: number[] = [];
  for (let r = 0; r < rounds; r++) for (const q of questions) alone.push(await timed(q));
  const together: number[] = [];
  let next = 0;
  const total = rounds * questions.length;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) together.push(await timed(questions[next++ % questions.length]!));
    }),
  );
  return { ask1: summarise(alone), ask8: summarise(together), top };
}

async function waitForReady(port: number, limitMs: number): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    try {
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status?: string };
      if (health.status === 'ready') return;
      if (health.status === 'failed') throw new Error('briefbot serve could not open the corpus');
    } catch (error) {
      if ((error as Error).message.includes('could not open')) throw error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`briefbot serve did not become ready in ${limitMs / 1000} s`);
}

/** Starts `briefbot serve` over `dir` with `env`, and measures spawn-to-ready and the process's RSS once ready. */
async function measureServe(root: string, dir: string, env: NodeJS.ProcessEnv, label: string): Promise<{ readyMs: number; openMs: number; rssMb: number }> {
  const port = 40000 + Math.floor(Math.random() * 1000);
  const logFile = path.join(root, 'bench/data', `serve-${label}.log`);
  const logFd = openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/briefbot.mjs'), 'serve', '--corpus', dir, '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...env, BRIEFBOT_LOG_LEVEL: 'info', BRIEFBOT_RATE_LIMIT: 'off' },
    stdio: ['ignore', logFd, logFd],
  });
  try {
    await waitForReady(port, READY_LIMIT_MS);
    const readyMs = performance.now() - started;
    // Settled after the load: what the process holds while it serves.
    await new Promise((r) => setTimeout(r, 2000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    const openMs = Number(/"event":"engine_ready"[^\n]*?"durationMs":(\d+)/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? NaN);
    return { readyMs, openMs, rssMb: rssKb / 1024 };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    closeSync(logFd);
  }
}

/** The serve environment without any chat platform (they are not what is measured) and with the given store. */
function serveEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SLACK_|TEAMS_|DATABASE_|BRIEFBOT_)/.test(name)));
  return { ...inherited, ...extra };
}

/** The statements the question mix is drawn from (text, kind, speaker), in corpus order. */
async function readMixStatements(db: pg.Pool): Promise<Statement[]> {
  const rows = await db.query<{ id: string; article_id: string; text: string; kind: 'direct' | 'indirect'; speaker_id: string | null; start_offset: number; end_offset: number }>(
    "SELECT id, article_id, text, kind, speaker_id, start_offset, end_offset FROM statements WHERE tenant = 'bench' ORDER BY seq",
  );
  return rows.rows.map((r) => ({ id: r.id, articleId: r.article_id, text: r.text, start: r.start_offset, end: r.end_offset, kind: r.kind, speakerId: r.speaker_id, cue: null, quotation: null }));
}

/** Loads one generated corpus into a fresh database and measures both stores. */
export async function measurePostgresSize(options: {
  root: string;
  size: number;
  templates: ReturnType<typeof readTemplates>;
  adminUrl: string;
  keep: boolean;
  /** Measure a database left by an earlier `--keep` run instead of loading it again (its load rate is not measured). */
  reuse?: boolean;
  /** The in-process store is measured beside PostgreSQL up to this size. */
  compareUpTo?: number;
}): Promise<PostgresSizeResult> {
  const { root, size, adminUrl } = options;
  const dir = ensureCorpus(root, size, options.templates);
  const name = `briefbot_bench_${size}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  const reuse = options.reuse === true && exists;
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const pools = createPgPools({ databaseUrl, max: 8 });
  try {
    await migrate(pools.primary);
    let started = performance.now();
    let statements: number;
    let loadSeconds = NaN;
    if (reuse) {
      log(`${size}: reusing ${name}`);
      statements = Number((await pools.primary.query<{ n: string }>("SELECT count(*) AS n FROM statements WHERE tenant = 'bench'")).rows[0]!.n);
    } else {
      log(`${size}: loading (extraction included)`);
      const summary = await indexToPostgres({ pools, tenant: 'bench', corpusDir: dir, progress: (done, total) => done % 10_000 === 0 && log(`${size}: written ${done} of ${total}`) });
      statements = summary.statements;
      loadSeconds = (performance.now() - started) / 1000;
      log(`${size}: loaded in ${loadSeconds.toFixed(0)} s`);
    }
    const databaseMb = Number((await pools.primary.query<{ b: string }>('SELECT pg_database_size(current_database()) AS b')).rows[0]!.b) / 1e6;

    started = performance.now();
    const engine = await openPostgresBriefbot({ pools, tenant: 'bench', corpusDir: dir, now: () => BENCH_NOW });
    const pgOpenMs = performance.now() - started;
    // The engine reads on demand and lists no statements: the mix is drawn from the rows themselves.
    const questions = createQuestionMix(await readMixStatements(pools.primary), engine.speakers);
    const rounds = size > 100_000 ? 2 : 3;
    log(`${size}: asking (PostgreSQL)`);
    const pgAsks = await timeAsks(engine, questions, rounds, 8);
    log(`${size}: serve (PostgreSQL); asked: ${JSON.stringify({ ask1: pgAsks.ask1, ask8: pgAsks.ask8 })}`);
    const pgServe = await measureServe(root, dir, serveEnv({ BRIEFBOT_STORE: 'postgres', DATABASE_URL: databaseUrl, BRIEFBOT_TENANT: 'bench' }), `postgres-${size}`);
    const postgres: StoreFigures = { openMs: pgOpenMs, ask1: pgAsks.ask1, ask8: pgAsks.ask8, serveReadyMs: pgServe.readyMs, serveOpenMs: pgServe.openMs, serveRssMb: pgServe.rssMb };

    let memory: StoreFigures | null = null;
    let sameTop3: string | null = null;
    // What is measured so far, should the comparison not finish.
    writeFileSync(path.join(root, 'bench/data', `postgres-partial-${size}.json`), JSON.stringify({ size, statements, loadSeconds, databaseMb, postgres }, null, 1));
    if (size <= (options.compareUpTo ?? COMPARE_UP_TO)) {
      log(`${size}: in-process store`);
      started = performance.now();
      const inProcess = await openBriefbot({ corpusDir: dir, now: () => BENCH_NOW });
      const memOpenMs = performance.now() - started;
      const memAsks = await timeAsks(inProcess, questions, rounds, 8);
      const same = pgAsks.top.filter((top, i) => JSON.stringify([...top].sort()) === JSON.stringify([...memAsks.top[i]!].sort())).length;
      sameTop3 = `${same} of ${questions.length}`;
      // openBriefbot above saved the persisted index, so this is the "ready with persisted index" start.
      // A serve that is not ready in time (an index rebuilt on a busy machine) is reported, not fatal.
      const memServe = await measureServe(root, dir, serveEnv({}), `memory-${size}`).catch((error: unknown) => {
        log(`${size}: in-process serve: ${(error as Error).message}`);
        return { readyMs: NaN, openMs: NaN, rssMb: NaN };
      });
      memory = { openMs: memOpenMs, ask1: memAsks.ask1, ask8: memAsks.ask8, serveReadyMs: memServe.readyMs, serveOpenMs: memServe.openMs, serveRssMb: memServe.rssMb };
    }
    return { articles: size, statements, loadSeconds, articlesPerSecond: size / loadSeconds, databaseMb, postgres, memory, sameTop3, loadAverage: os.loadavg()[0]! };
  } finally {
    await pools.close();
    if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
const lat = (l: Latency | undefined) => (l ? `${ms(l.p50)} / ${ms(l.p99)}` : '–');
const n = (v: number) => Math.round(v).toLocaleString('en-GB');

/** The "## PostgreSQL store" section of bench/RESULTS.md. */
export function renderPostgresResults(results: PostgresSizeResult[], machine: string): string {
  const cols = results.flatMap((r) => [`PostgreSQL, ${n(r.articles)}`, ...(r.memory ? [`in-process, ${n(r.articles)}`] : [])]);
  const row = (label: string, pgValue: (r: PostgresSizeResult) => string, memValue: (r: PostgresSizeResult) => string = () => '–') =>
    `| ${label} | ${results.flatMap((r) => [pgValue(r), ...(r.memory ? [memValue(r)] : [])]).join(' | ')} |`;
  return [
    '## PostgreSQL store',
    '',
    `Machine: ${machine}. PostgreSQL 15 on the same machine, default server settings. Written by \`npm run bench -- --store postgres\`.`,
    '',
    `| | ${cols.join(' | ')} |`,
    `| --- |${cols.map(() => ' ---: |').join('')}`,
    row('statements', (r) => n(r.statements), (r) => n(r.statements)),
    row('load: extraction and writes (s)', (r) => (Number.isNaN(r.loadSeconds) ? 'reused' : r.loadSeconds.toFixed(0))),
    row('**load rate (articles a second)**', (r) => (Number.isNaN(r.articlesPerSecond) ? 'reused' : n(r.articlesPerSecond))),
    row('database size (MB)', (r) => n(r.databaseMb)),
    row('engine opened in the bench process (s)', (r) => (r.postgres.openMs / 1000).toFixed(1), (r) => (r.memory!.openMs / 1000).toFixed(1)),
    row('**`ask` p50 / p99, 1 client (ms)**', (r) => lat(r.postgres.ask1), (r) => lat(r.memory?.ask1)),
    row('**`ask` p50 / p99, 8 clients at once (ms)**', (r) => lat(r.postgres.ask8), (r) => lat(r.memory?.ask8)),
    row('**`briefbot serve`: spawn to ready (s)**', (r) => (r.postgres.serveReadyMs / 1000).toFixed(1), (r) => (r.memory!.serveReadyMs / 1000).toFixed(1)),
    row('of which the corpus opened, from the server log (s)', (r) => (r.postgres.serveOpenMs / 1000).toFixed(1), (r) => (r.memory!.serveOpenMs / 1000).toFixed(1)),
    row('**`briefbot serve`: RSS when ready (MB)**', (r) => n(r.postgres.serveRssMb), (r) => n(r.memory!.serveRssMb)),
    row('same top 3 as the in-process store', (r) => r.sameTop3 ?? 'not compared', () => ''),
    row('load average at the end (1 min)', (r) => r.loadAverage.toFixed(1)),
    '',
    'Each `ask` runs in the bench process against an engine opened on the store (question parsing, search, ranking, grouping); "8 clients at once" are eight askers in that process sharing its event loop and the two cores with PostgreSQL, so a latency there includes waiting for the others. `serve` is started as its own process with no chat platform configured; ready is when `/healthz` says so, RSS is read from /proc two seconds later. The in-process `serve` starts from the persisted index.',
    '',
  ].join('\n');
}
