import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CORRECTIONS_FILE, formatProblem, loadCorpus, openBriefbot } from '../../index.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';

/** `briefbot check`: validates every corpus file (and corrections.yml) and exits non-zero when any has an error. */
export function registerCheck(program: Command, io: CliIo): void {
  program
    .command('check')
    .description('validate the corpus files and corrections.yml; lists every problem and exits 1 if any file has an error')
    .option('--corpus <dir>', 'corpus folder (default: $BRIEFBOT_CORPUS or corpus/)')
    .action(async (opts: { corpus?: string }) => {
      const corpusDir = resolveCorpusDir(opts.corpus, io.env);
      const corpus = await loadCorpus(corpusDir);
      const problems = [...corpus.problems];
      // Stale corrections show only against the extracted statements, so the engine is opened.
      if (existsSync(path.join(corpusDir, CORRECTIONS_FILE))) {
        const engine = await openBriefbot({ corpusDir });
        problems.push(...engine.problems.filter((p) => path.basename(p.file) === CORRECTIONS_FILE));
      }
      for (const p of problems) io.err(formatProblem(p));
      const errors = problems.filter((p) => p.severity !== 'warning');
      const bad = new Set(errors.map((p) => p.file)).size;
      io.out(`${corpus.articles.length} article${corpus.articles.length === 1 ? '' : 's'} valid, ${bad} file${bad === 1 ? '' : 's'} with errors`);
      if (errors.length) io.exitCode = 1;
    });
}
