import path from 'node:path';
import type { Command } from 'commander';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';
import { addFeed, type FeedReport } from '../../ingest/add-feed.js';
import { readCorpusKeys, findDuplicate } from '../../ingest/corpus-keys.js';
import type { FetchOptions } from '../../ingest/fetch-page.js';
import { isIngestError } from '../../ingest/ingest-error.js';
import { isWebAddress, readArticlePage, type FieldReport } from '../../ingest/read-article-page.js';
import { saveArticle } from '../../ingest/save-article.js';
import { writeThrough } from '../write-through.js';

interface AddFlags {
  corpus?: string;
  feed?: string;
  outlet?: string;
  published?: string;
  title?: string;
  url?: string;
  allowPrivate?: boolean;
  maxMb: string;
  timeout: string;
}

function fetchLimits(flags: AddFlags): Partial<FetchOptions> {
  const maxMb = Number(flags.maxMb);
  const timeout = Number(flags.timeout);
  return {
    allowPrivate: flags.allowPrivate === true,
    ...(Number.isFinite(maxMb) && maxMb > 0 ? { maxBytes: Math.round(maxMb * 1024 * 1024) } : {}),
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: Math.round(timeout * 1000) } : {}),
  };
}

function formatField(f: FieldReport): string {
  const label = f.field.padEnd(10);
  if (f.value === null) return `  ${label} missing${f.note ? `: ${f.note}` : ''}`;
  return `  ${label} ${f.value}  (${f.from ?? 'found'}${f.note ? `; ${f.note}` : ''})`;
}

/** Adds one page; true when a file was written. */
async function addOne(source: string, flags: AddFlags, corpusDir: string, io: CliIo): Promise<boolean> {
  const keys = await readCorpusKeys(corpusDir);
  const known = isWebAddress(source) ? findDuplicate(keys, source, null) : null;
  if (known) {
    io.out(`Not added: the corpus already has ${source} (${known.file}).`);
    return false;
  }
  const overrides = {
    ...(flags.title !== undefined ? { title: flags.title } : {}),
    ...(flags.outlet !== undefined ? { outlet: flags.outlet } : {}),
    ...(flags.published !== undefined ? { published: flags.published } : {}),
    ...(flags.url !== undefined ? { url: flags.url } : {}),
  };
  const reading = await readArticlePage(source, overrides, { fetch: fetchLimits(flags) });
  io.out(`Read ${source}`);
  for (const field of reading.fields) io.out(formatField(field));
  if (reading.kind === 'refused') {
    io.err(`briefbot add: ${reading.error.message}`);
    io.exitCode = 1;
    return false;
  }
  const saved = await saveArticle(reading.draft, corpusDir, keys);
  if (saved.kind === 'duplicate') {
    io.out(`Not added: the corpus already has this article (same ${saved.by === 'url' ? 'address' : 'text'}) in ${saved.file}.`);
    return false;
  }
  const shown = path.relative(process.cwd(), saved.file);
  io.out(`Added ${shown.startsWith('..') || path.isAbsolute(shown) ? saved.file : shown}`);
  return true;
}

function printFeedReport(report: FeedReport, io: CliIo): void {
  const count = (kind: string) => report.items.filter((i) => i.kind === kind).length;
  io.out(`Feed ${report.feedTitle ? `"${report.feedTitle}"` : '(untitled)'}: ${report.items.length} items, ${count('added')} added, ${count('duplicate')} already in the corpus, ${count('failed')} failed.`);
  for (const item of report.items) {
    if (item.kind === 'added') io.out(`  added    ${path.basename(item.file)}  (from the ${item.from === 'feed' ? 'feed text' : 'page'})`);
    else if (item.kind === 'duplicate') io.out(`  skipped  ${item.link}  (already in ${item.file})`);
    else io.out(`  failed   ${item.link ?? item.title ?? 'an item'}: ${item.message}`);
  }
}

/** Adds `briefbot add URL|FILE.html` and `briefbot add --feed URL`. */
export function registerAdd(program: Command, io: CliIo): void {
  program
    .command('add')
    .description('add an article from a web address or a saved .html page, or every new item of an RSS/Atom feed')
    .argument('[source]', 'an http(s) address or a saved .html file')
    .option('--feed <url>', 'an RSS or Atom feed: add every item the corpus does not have yet')
    .option('--corpus <dir>', 'the corpus folder to write to (default: $BRIEFBOT_CORPUS or corpus/)')
    .option('--outlet <name>', 'the outlet, when the page names none or names it wrongly')
    .option('--published <date>', 'the publication date, YYYY-MM-DD (or YYYY-MM, YYYY)')
    .option('--title <title>', 'the headline, when the page gives none or a wrong one')
    .option('--url <url>', "the article's address, for a saved page that does not give it")
    .option('--allow-private', 'also fetch from private, loopback and link-local addresses')
    .option('--max-mb <n>', 'largest page accepted, in megabytes', '5')
    .option('--timeout <seconds>', 'time allowed for each fetch', '15')
    .action(async (source: string | undefined, flags: AddFlags) => {
      const corpusDir = resolveCorpusDir(flags.corpus, io.env);
      try {
        if (flags.feed !== undefined) {
          if (source !== undefined) {
            io.err('briefbot add: give either a page or --feed URL, not both');
            io.exitCode = 2;
            return;
          }
          const report = await addFeed(flags.feed, {
            corpusDir,
            fetch: fetchLimits(flags),
            ...(flags.outlet !== undefined ? { outlet: flags.outlet } : {}),
          });
          printFeedReport(report, io);
          if (report.items.some((i) => i.kind === 'failed')) io.exitCode = 1;
          if (report.items.some((i) => i.kind === 'added')) await writeThrough(io, corpusDir);
          return;
        }
        if (source === undefined) {
          io.err('briefbot add: give a web address or a saved .html file, or --feed URL');
          io.exitCode = 2;
          return;
        }
        if (await addOne(source, flags, corpusDir, io)) await writeThrough(io, corpusDir);
      } catch (error) {
        if (!isIngestError(error)) throw error;
        io.err(`briefbot add: ${error.message}`);
        io.exitCode = 1;
      }
    });
}
