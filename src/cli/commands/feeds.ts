import type { Command } from 'commander';
import { readFeedState } from '../../feeds/feed-state.js';
import { loadFeedsFile } from '../../feeds/feeds-file.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';

function formatEvery(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms / 1000}s`;
}

/** `briefbot feeds`: each feed of feeds.yml with its last fetch, articles added and last error. */
export function registerFeeds(program: Command, io: CliIo): void {
  program
    .command('feeds')
    .description('list the feeds of <corpus>/feeds.yml that briefbot serve polls: last fetch, articles added, last error')
    .option('--corpus <dir>', 'corpus folder (default: $BRIEFBOT_CORPUS or corpus/)')
    .option('--json', 'one JSON object a line')
    .action(async (opts: { corpus?: string; json?: boolean }) => {
      const corpusDir = resolveCorpusDir(opts.corpus, io.env);
      const file = await loadFeedsFile(corpusDir);
      if (file.kind === 'invalid') {
        io.err(file.message);
        io.exitCode = 1;
        return;
      }
      if (file.kind === 'none' || file.feeds.length === 0) {
        io.out('No feeds: list them in feeds.yml in the corpus folder (see README, "Watching").');
        return;
      }
      const state = readFeedState(corpusDir);
      for (const feed of file.feeds) {
        const s = state[feed.url];
        if (opts.json) {
          io.out(JSON.stringify({ url: feed.url, every: formatEvery(feed.every), outlet: feed.outlet ?? null, lastFetch: s?.lastFetch ?? null, itemsAdded: s?.itemsAdded ?? 0, lastError: s?.lastError ?? null }));
          continue;
        }
        io.out(
          [
            `${feed.url}  every ${formatEvery(feed.every)}${feed.outlet ? `  outlet ${feed.outlet}` : ''}`,
            `  last fetch: ${s?.lastFetch ?? 'never'}`,
            `  articles added: ${s?.itemsAdded ?? 0}`,
            `  last error: ${s?.lastError ?? 'none'}${s && s.failures > 1 ? ` (${s.failures} failures in a row)` : ''}`,
          ].join('\n'),
        );
      }
    });
}
