import type { Command } from 'commander';
import { openBriefbot } from '../../index.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';
import { renderText } from '../render-text.js';

/** `briefbot sources` and `briefbot speakers`: what the corpus holds. */
export function registerListings(program: Command, io: CliIo): void {
  for (const name of ['sources', 'speakers'] as const) {
    program
      .command(name)
      .description(name === 'sources' ? 'list the articles, newest first' : 'list everyone quoted, most quoted first')
      .option('--corpus <dir>', 'corpus folder (default: $BRIEFBOT_CORPUS or corpus/)')
      .option('--json', 'print the Answer object as JSON')
      .action(async (opts: { corpus?: string; json?: boolean }) => {
        const engine = await openBriefbot({ corpusDir: resolveCorpusDir(opts.corpus, io.env) });
        const answer = await engine.ask(name);
        io.out(opts.json ? JSON.stringify(answer, null, 2) : renderText(answer));
      });
  }
}
