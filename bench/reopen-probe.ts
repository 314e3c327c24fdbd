import { openBriefbot } from '../src/index.js';

/** Run in a fresh process by the benchmark: opens a corpus whose cache is one file behind. */
const started = performance.now();
const engine = await openBriefbot({ corpusDir: process.argv[2]! });
process.stdout.write(JSON.stringify({ ms: performance.now() - started, source: engine.index?.source }));
