import type { Command } from 'commander';
import { readReports, reportsPath } from '../../index.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';

/** `briefbot reports`: the "Wrong speaker?" reports, oldest first, for an editor to review. */
export function registerReports(program: Command, io: CliIo): void {
  program
    .command('reports')
    .description('list the "Wrong speaker?" reports recorded from Slack and Teams (<corpus>/.briefbot/reports.jsonl)')
    .option('--corpus <dir>', 'corpus folder (default: $BRIEFBOT_CORPUS or corpus/)')
    .option('--json', 'one JSON object a line, as stored')
    .action(async (opts: { corpus?: string; json?: boolean }) => {
      const corpusDir = resolveCorpusDir(opts.corpus, io.env);
      const { reports, badLines } = await readReports(corpusDir);
      for (const line of badLines) io.err(`${reportsPath(corpusDir)}: line ${line}: not a report; skipped`);
      if (opts.json) {
        for (const r of reports) io.out(JSON.stringify(r));
        return;
      }
      if (!reports.length) {
        io.out('No reports.');
        return;
      }
      io.out(
        reports
          .map((r) => {
            const who = `${r.reporter.name ?? r.reporter.id} (${r.reporter.platform})`;
            const words = r.kind === 'direct' ? `“${r.text}”` : `reported: ${r.text}`;
            return [
              `${r.at}  ${who}`,
              `  ${words}`,
              `  shown as: ${r.speaker ?? 'speaker not named'}`,
              ...(r.comment ? [`  comment: ${r.comment}`] : []),
              `  correct it in corrections.yml with: article: ${r.articleId}, start: ${r.start}, end: ${r.end}`,
            ].join('\n');
          })
          .join('\n\n'),
      );
    });
}
