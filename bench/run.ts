import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findSourceFile, readTemplates } from './generate-corpus.js';
import { measureSize, type SizeResult } from './measure-size.js';
import { describeMachine, renderResults } from './render-results.js';
import { findSection, replaceSection } from './replace-section.js';

/**
 * `npm run bench [-- --sizes 1000,10000] [--serve] [--soak [minutes] [--rate 100,50]]`: generates corpora of each size, measures
 * building, the persisted index, memory and `ask` latency against a plain-minisearch baseline, and
 * writes bench/RESULTS.md. `--serve` runs the load test of `briefbot serve` instead (Slack slash
 * commands, then Teams activities), replacing only the "## Load test" section. `--store postgres`
 * (default sizes 100000,300000) loads each corpus into a fresh PostgreSQL database at `--admin-url`
 * (dropped after unless `--keep`; `--reuse` measures a kept one again without loading it) and
 * replaces only the "## PostgreSQL store" section; `--compare-up-to N` (default 100000) sets up to
 * which size the in-process store is measured beside it. `--soak [minutes]` (default 10) runs
 * `briefbot serve` under a steady load for that long, sampling its memory, and replaces only the
 * "## Soak" section.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    soak: { type: 'boolean', default: false },
    rate: { type: 'string' },
    sizes: { type: 'string' },
    serve: { type: 'boolean', default: false },
    store: { type: 'string', default: 'memory' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'compare-up-to': { type: 'string', default: '100000' },
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    out: { type: 'string', default: path.join(root, 'bench/RESULTS.md') },
  },
});

const sizesOf = (list: string) => list.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);

if (values.store !== 'memory' && values.store !== 'postgres') throw new Error('--store must be memory or postgres');
if (values.soak) {
  const minutes = positionals[0] === undefined ? 10 : Number(positionals[0]);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error('--soak takes the minutes to run, e.g. --soak 10');
  const { runSoak, DEFAULT_SOAK_RATES } = await import('./soak.js');
  const [slack, teams] = (values.rate ?? `${DEFAULT_SOAK_RATES.slack},${DEFAULT_SOAK_RATES.teams}`).split(',').map(Number);
  if (!(slack! > 0 && teams! > 0)) throw new Error('--rate takes slash commands and Teams activities a second, e.g. --rate 100,50');
  await runSoak(root, minutes, { slack: slack!, teams: teams! });
} else if (values.serve) {
  const { runServeLoad } = await import('./serve-load.js');
  await runServeLoad(root);
} else if (values.store === 'postgres') {
  const { measurePostgresSize, renderPostgresResults } = await import('./postgres-bench.js');
  const templates = readTemplates(findSourceFile(root));
  const results = [];
  for (const size of sizesOf(values.sizes ?? '100000,300000')) {
    const result = await measurePostgresSize({ root, size, templates, adminUrl: values['admin-url'], keep: values.keep, reuse: values.reuse, compareUpTo: Number(values['compare-up-to']) });
    results.push(result);
    writeFileSync(path.join(root, 'bench/data', `postgres-result-${size}.json`), JSON.stringify(result, null, 1));
    // Each size's section as it comes, should a later size not finish.
    const section = renderPostgresResults(results, describeMachine());
    const previous = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '# Benchmark results\n';
    writeFileSync(values.out, replaceSection(previous, '## PostgreSQL store', section));
    process.stdout.write(section);
  }
} else {
  const sizes = sizesOf(values.sizes ?? '1000,10000,100000');
  const started = performance.now();
  const source = findSourceFile(root);
  const templates = readTemplates(source);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    // Fewer rounds at larger sizes keep the whole run inside ten minutes; each round asks every question.
    const rounds = size <= 2000 ? 20 : size <= 20000 ? 10 : 5;
    const result = await measureSize({ root, size, templates, rounds });
    results.push(result);
    // Each size's figures as they come, should a later size not finish.
    writeFileSync(path.join(root, 'bench/data', `result-${size}.json`), JSON.stringify(result, null, 1));
    process.stderr.write(`[bench] ${size}: done at ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  const markdown = renderResults(results, { machine: describeMachine(), source: path.relative(root, source), totalSeconds: (performance.now() - started) / 1000 });
  // The serve load test and the PostgreSQL store are separate steps: keep their sections until they are run again.
  const previous = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '';
  const kept = [findSection(previous, '## Load test:'), findSection(previous, '## PostgreSQL store'), findSection(previous, '## Soak:')].filter((s) => s !== '');
  writeFileSync(values.out, [markdown.trimEnd(), ...kept.map((s) => s.trimEnd())].join('\n\n') + '\n');
  process.stdout.write(markdown);
}
