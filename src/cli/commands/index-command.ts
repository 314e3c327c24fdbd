import path from 'node:path';
import type { Command } from 'commander';
import { openBriefbot } from '../../index.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';

/**
 * `briefbot index`: builds the persisted index of a corpus and saves it in
 * `<corpus>/.briefbot-cache/`, so `ask` and `serve` start from it instead of re-extracting.
 */
export function registerIndex(program: Command, io: CliIo): void {
  program
    .command('index')
    .description('build the persisted index in <corpus>/.briefbot-cache/ (ask and serve load it while the corpus is unchanged)')
    .option('--corpus <dir>', 'corpus folder (default: $BRIEFBOT_CORPUS or corpus/)')
    .option('--update', 'reuse the saved index, updating it for changed files, instead of rebuilding it whole')
    .action(async (opts: { corpus?: string; update?: boolean }) => {
      const corpusDir = resolveCorpusDir(opts.corpus, io.env);
      const started = performance.now();
      const engine = await openBriefbot({ corpusDir, cache: opts.update ? 'use' : 'rebuild' });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const info = engine.index;
      const how = info?.source === 'cache' ? 'unchanged' : info?.source === 'updated' ? `updated for ${info.changedFiles} changed file(s)` : 'built';
      io.out(
        `${engine.articles.length} articles, ${engine.statements.length} statements, ${engine.speakers.length} speakers: index ${how} in ${seconds} s` +
          (info?.savedBytes ? `, saved ${(info.savedBytes / 1e6).toFixed(1)} MB in ${path.join(corpusDir, '.briefbot-cache')}` : ''),
      );
      const errors = engine.problems.filter((p) => p.severity !== 'warning').length;
      if (errors) io.err(`${errors} corpus problem(s): run briefbot check for details`);
    });
}
