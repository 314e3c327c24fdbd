import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';
import { importJsonl } from '../../ingest/import-jsonl.js';
import { writeThrough } from '../write-through.js';

/** Adds `briefbot import FILE.jsonl`. */
export function registerImport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('import a JSON-lines file of {title, outlet, date, url, body} articles into the corpus')
    .argument('<file>', 'the .jsonl file, one article a line')
    .option('--corpus <dir>', 'the corpus folder to write to (default: $BRIEFBOT_CORPUS or corpus/)')
    .action(async (file: string, flags: { corpus?: string }) => {
      const corpusDir = resolveCorpusDir(flags.corpus, io.env);
      try {
        await access(file);
      } catch {
        io.err(`briefbot import: cannot read ${file}: check the path`);
        io.exitCode = 1;
        return;
      }
      const report = await importJsonl(file, corpusDir);
      const dupes = report.duplicates.length;
      const bad = report.bad.length;
      io.out(`Imported ${report.added.length} article${report.added.length === 1 ? '' : 's'} into ${corpusDir}; ${dupes} already there (skipped); ${bad} bad line${bad === 1 ? '' : 's'}.`);
      for (const b of report.bad) io.err(`${file}:${b.line}: ${b.message}`);
      if (bad > 0) io.exitCode = 1;
      if (report.added.length) await writeThrough(io, corpusDir);
    });
}
