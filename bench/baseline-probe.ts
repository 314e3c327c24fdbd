import { readFileSync } from 'node:fs';
import { withContext } from '../src/store/memory-store.js';
import { openEngineData } from '../src/store/open-memory-store.js';
import { measureBaseline } from './baseline.js';
import { BENCH_NOW } from './bench-now.js';
import type { BenchQuestion } from './questions.js';

/**
 * Run in a fresh process by the benchmark, so the baseline's memory is its own and a build that
 * runs too long can be stopped: loads the corpus's statements from the persisted index and
 * measures the plain-minisearch baseline on them. Usage: baseline-probe.ts CORPUS_DIR QUESTIONS_JSON ROUNDS
 */
const [dir, questionsFile, rounds] = process.argv.slice(2);
const questions = JSON.parse(readFileSync(questionsFile!, 'utf8')) as BenchQuestion[];
const { data } = await openEngineData(dir!, 'use');
const items = withContext([...data.articles.values()], [...data.statements.values()]);
const result = measureBaseline(items, data.articles, { ...data.questionContext, now: BENCH_NOW }, questions, Number(rounds ?? 5), (done) =>
  process.stderr.write(`indexed ${done} of ${items.length}\n`),
);
process.stdout.write(JSON.stringify(result));
