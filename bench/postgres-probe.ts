import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openBriefbot } from '../src/answer/open-briefbot.js';
import type { Answer } from '../src/answer/answer-schema.js';
import { migrate } from '../src/store/postgres/migrate.js';
import { createPgPools } from '../src/store/postgres/pg-pools.js';
import { indexToPostgres, openPostgresBriefbot } from '../src/store/postgres/postgres-briefbot.js';
import { findSourceFile, generateCorpus, readTemplates } from './generate-corpus.js';
import { createQuestionMix, percentile } from './questions.js';

/**
 * `npx tsx bench/postgres-probe.ts [ARTICLES] [ADMIN_URL] [--reads on-demand|held]`: generates a corpus, loads it into a
 * fresh PostgreSQL database (dropped after), and measures the load rate, time to ready, RSS, and
 * `ask` p50/p99 with 1 and 8 concurrent questions; then checks the top 3 against the in-process store.
 */
const flag = process.argv.indexOf('--reads');
const reads = flag > 0 && process.argv[flag + 1] === 'on-demand' ? 'on-demand' : 'held';
const args = process.argv.slice(2).filter((_, i, all) => all[i] !== '--reads' && all[i - 1] !== '--reads');
const size = Number(args[0] ?? 10_000);
const adminUrl = args[1] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-pg-bench-'));
const name = `briefbot_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const pools = createPgPools({ databaseUrl: url.toString(), max: 8 });
const log = (s: string) => process.stderr.write(`${s}\n`);
try {
  generateCorpus({ dir, count: size, templates: readTemplates(findSourceFile(root)) });
  await migrate(pools.primary);
  let started = performance.now();
  const summary = await indexToPostgres({ pools, tenant: 'bench', corpusDir: dir, progress: (d, t) => d % 5000 === 0 && log(`written ${d} of ${t}`) });
  const loadS = (performance.now() - started) / 1000;
  const rssBefore = process.memoryUsage().rss;
  started = performance.now();
  const engine = await openPostgresBriefbot({ pools, tenant: 'bench', corpusDir: dir, reads });
  const readyMs = performance.now() - started;
  const engineRss = process.memoryUsage().rss - rssBefore;
  // The in-process engine gives the question mix (an engine reading on demand lists no statements) and the top 3 to compare.
  const memory = await openBriefbot({ corpusDir: dir, cache: 'off' });
  const questions = createQuestionMix(memory.statements, memory.speakers).map((q) => q.text);
  const time = async (q: string) => {
    const t = performance.now();
    await engine.ask(q);
    return performance.now() - t;
  };
  for (const q of questions.slice(0, 5)) await engine.ask(q);
  const one: number[] = [];
  for (const q of questions) one.push(await time(q));
  const eight: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < questions.length * 2) eight.push(await time(questions[next++ % questions.length]!));
  }));
  const top = (a: Answer) => (a.kind === 'results' ? a.results.slice(0, 3).map((r) => `${r.score} ${r.id}`).sort() : [a.kind]);
  let same = 0;
  for (const q of questions) if (JSON.stringify(top(await memory.ask(q))) === JSON.stringify(top(await engine.ask(q)))) same++;
  const dbSize = (await pools.primary.query<{ s: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0]!.s;
  console.log(JSON.stringify({
    articles: size,
    reads,
    statements: summary.statements,
    loadSeconds: Number(loadS.toFixed(1)),
    articlesPerSecond: Math.round(size / loadS),
    readyMs: Math.round(readyMs),
    engineRssMb: Math.round(engineRss / 1e6),
    databaseSize: dbSize,
    ask1: { p50: Number(percentile(one, 50).toFixed(1)), p99: Number(percentile(one, 99).toFixed(1)), n: one.length },
    ask8: { p50: Number(percentile(eight, 50).toFixed(1)), p99: Number(percentile(eight, 99).toFixed(1)), n: eight.length },
    sameTop3: `${same} of ${questions.length}`,
  }));
} finally {
  await pools.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
}
