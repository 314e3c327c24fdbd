import type { Command } from 'commander';
import { loadQuoteLinks, openBriefbot, renderContextText } from '../../index.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';

/** `briefbot context ID`: a quote where it stands in its article, as the context page shows it. */
export function registerContext(program: Command, io: CliIo): void {
  program
    .command('context')
    .description('show a quote in its article, by the id `ask --json` gives (e.g. 2011-06-20-nhs-alliance-clinically-led-commissioning#2222)')
    .argument('<id>', 'the statement id')
    .option('--corpus <dir>', 'corpus folder (default: $BRIEFBOT_CORPUS or corpus/)')
    .option('--full', 'the whole article, not only the paragraphs around the quote')
    .action(async (id: string, opts: { corpus?: string; full?: boolean }) => {
      const engine = await openBriefbot({ corpusDir: resolveCorpusDir(opts.corpus, io.env) });
      const context = await engine.quote(id);
      if (context === null) {
        io.err(`briefbot: no statement "${id}" in the corpus; the ids are in \`briefbot ask --json\` and \`briefbot quotes --json\``);
        io.exitCode = 1;
        return;
      }
      io.out(renderContextText(context, opts.full === true));
      const links = loadQuoteLinks(io.env);
      if (links) io.out(`\nIn context: ${links.linkFor(id)}`);
    });
}
