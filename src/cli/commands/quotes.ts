import type { Command } from 'commander';
import { openBriefbot } from '../../index.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';

/** `briefbot quotes`: every extracted statement, for checking extraction by eye or by script. */
export function registerQuotes(program: Command, io: CliIo): void {
  program
    .command('quotes')
    .description('list every extracted statement (id, articleId, text, start, end, kind, speaker, cue, quotation)')
    .option('--corpus <dir>', 'corpus folder (default: $BRIEFBOT_CORPUS or corpus/)')
    .option('--json', 'print JSON')
    .action(async (opts: { corpus?: string; json?: boolean }) => {
      const engine = await openBriefbot({ corpusDir: resolveCorpusDir(opts.corpus, io.env) });
      const names = new Map(engine.speakers.map((s) => [s.id, s.name]));
      const rows = engine.statements.map((s) => ({
        id: s.id,
        articleId: s.articleId,
        text: s.text,
        start: s.start,
        end: s.end,
        kind: s.kind,
        speaker: s.speakerId ? names.get(s.speakerId)! : null,
        speakerId: s.speakerId,
        cue: s.cue,
        quotation: s.quotation,
      }));
      if (opts.json) io.out(JSON.stringify(rows, null, 2));
      else for (const r of rows) io.out(`${r.id}\t${r.kind}\t${r.speaker ?? '(unknown)'}\t${r.text}`);
    });
}
