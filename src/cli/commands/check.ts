import type { Command } from 'commander';
import { formatProblem, loadCorpus } from '../../index.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';

/** `briefbot check`: validates every corpus file and exits non-zero when any has an error. */
export function registerCheck(program: Command, io: CliIo): void {
  program
    .command('check')
    .description('validate the corpus files; lists every problem and exits 1 if any file has an error')
    .option('--corpus <dir>', 'corpus folder (default: $BRIEFBOT_CORPUS or corpus/)')
    .action(async (opts: { corpus?: string }) => {
      const corpus = await loadCorpus(resolveCorpusDir(opts.corpus, io.env));
      for (const p of corpus.problems) io.err(formatProblem(p));
      const errors = corpus.problems.filter((p) => p.severity !== 'warning');
      const bad = new Set(errors.map((p) => p.file)).size;
      io.out(`${corpus.articles.length} article${corpus.articles.length === 1 ? '' : 's'} valid, ${bad} file${bad === 1 ? '' : 's'} with errors`);
      if (errors.length) io.exitCode = 1;
    });
}
