import type { Command } from 'commander';
import { citeAnswer } from '../../index.js';
import { openStoreBriefbotOnce } from '../../live/create-store-briefbot.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';
import { renderText } from '../render-text.js';
import { positiveInt } from './options.js';

/** `briefbot ask QUESTION`: prints an answer, or the Answer object with --json. */
export function registerAsk(program: Command, io: CliIo): void {
  program
    .command('ask')
    .description('answer a question, e.g. briefbot ask "what did Dixon say about senates?"')
    .argument('<question...>', 'the question (quote it, or not)')
    .option('--corpus <dir>', 'corpus folder (default: $BRIEFBOT_CORPUS or corpus/)')
    .option('--json', 'print the Answer object as JSON')
    .option('--cite', 'print each result as a citation ready to paste')
    .option('--limit <n>', 'results to show', positiveInt, 5)
    .option('--offset <n>', 'results to skip', positiveInt, 0)
    .action(async (words: string[], opts: { corpus?: string; json?: boolean; cite?: boolean; limit: number; offset: number }) => {
      const { engine, close } = await openStoreBriefbotOnce({ corpusDir: resolveCorpusDir(opts.corpus, io.env), env: io.env });
      const answer = await engine.ask(words.join(' '), { limit: opts.limit, offset: opts.offset }).finally(close);
      const citations = opts.cite && !opts.json ? citeAnswer(answer) : [];
      io.out(opts.json ? JSON.stringify(answer, null, 2) : citations.length ? citations.join('\n\n') : renderText(answer));
      if (answer.kind === 'invalid') io.exitCode = 1;
    });
}
