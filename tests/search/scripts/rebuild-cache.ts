// A second `serve` on the same corpus folder, as far as the persisted index goes: rebuilds and saves
// it `rounds` times, then says how many times it did. Run by tests/search/cache-writers.test.ts.
import { openBriefbot } from '../../../src/answer/open-briefbot.js';
import { createSilentLogger } from '../../../src/logging.js';

const [corpusDir, rounds] = process.argv.slice(2);
const now = () => new Date('2025-06-01T12:00:00Z');
let done = 0;
for (let i = 0; i < Number(rounds); i += 1) {
  await openBriefbot({ corpusDir: corpusDir!, now, cache: 'rebuild', logger: createSilentLogger() });
  done += 1;
}
process.stdout.write(`${done}\n`);
