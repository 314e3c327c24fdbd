import { readFileSync } from 'node:fs';
import { openBriefbot } from '../src/index.js';
import type { BenchQuestion } from './questions.js';
import { timeQuestions } from './time-questions.js';

/**
 * Run in a fresh process by the benchmark: opens a corpus from its persisted index, as `ask` and
 * `serve` do, and reports how long until it could answer, its memory, and the question mix's
 * latencies and top results. Usage: load-probe.ts CORPUS_DIR QUESTIONS_JSON ROUNDS
 */
const [dir, questionsFile, rounds] = process.argv.slice(2);
const questions = JSON.parse(readFileSync(questionsFile!, 'utf8')) as BenchQuestion[];
const opening = performance.now();
const engine = await openBriefbot({ corpusDir: dir!, cache: 'use', now: () => new Date('2025-06-01T12:00:00Z') });
const readyMs = performance.now();
const openMs = readyMs - opening;
const firstStarted = performance.now();
await engine.ask(questions[0]?.text ?? 'help');
const firstAskMs = performance.now() - firstStarted;
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
const timing = await timeQuestions(engine, questions, Number(rounds ?? 5));
process.stdout.write(
  JSON.stringify({ source: engine.index?.source, readyMs, openMs, firstAskMs, heapMb: memory.heapUsed / 1e6, rssMb: memory.rss / 1e6, externalMb: (memory.external + memory.arrayBuffers) / 1e6, ...timing }),
);
