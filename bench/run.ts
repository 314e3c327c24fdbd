import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findSourceFile, readTemplates } from './generate-corpus.js';
import { measureSize, type SizeResult } from './measure-size.js';
import { describeMachine, renderResults } from './render-results.js';

/**
 * `npm run bench [-- --sizes 1000,10000] [--serve]`: generates corpora of each size, measures
 * building, the persisted index, memory and `ask` latency against a plain-minisearch baseline, and
 * writes bench/RESULTS.md. `--serve` runs the load test of `briefbot serve` instead (Slack slash
 * commands, then Teams activities), replacing only the "## Load test" section.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    serve: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(root, 'bench/RESULTS.md') },
  },
});

if (values.serve) {
  const { runServeLoad } = await import('./serve-load.js');
  await runServeLoad(root);
} else {
  const sizes = values.sizes.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
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
  // The serve load test is a separate step: keep its section until it is run again.
  const previous = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '';
  const load = previous.indexOf('\n## Load test:');
  writeFileSync(values.out, load >= 0 ? `${markdown.trimEnd()}\n${previous.slice(load)}` : markdown);
  process.stdout.write(markdown);
}
