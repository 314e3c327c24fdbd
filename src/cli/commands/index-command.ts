import path from 'node:path';
import type { Command } from 'commander';
import { openBriefbot } from '../../index.js';
import { resolveCorpusDir, type CliIo } from '../cli-io.js';
import { loadStoreConfig, loadTenant } from '../../store/store-config.js';
import { createPgPools } from '../../store/postgres/pg-pools.js';
import { indexToPostgres } from '../../store/postgres/postgres-briefbot.js';

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
    .option('--store <kind>', 'memory (the persisted index) or postgres (DATABASE_URL, tenant BRIEFBOT_TENANT); default $BRIEFBOT_STORE or memory')
    .action(async (opts: { corpus?: string; update?: boolean; store?: string }) => {
      const corpusDir = resolveCorpusDir(opts.corpus, io.env);
      const store = loadStoreConfig({ ...io.env, ...(opts.store !== undefined ? { BRIEFBOT_STORE: opts.store } : {}) });
      if (store.kind === 'postgres') {
        await indexPostgres(io, corpusDir, store.databaseUrl);
        return;
      }
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

/** `index --store postgres`: the corpus written to the tenant's tables in batches, progress on stderr. */
async function indexPostgres(io: CliIo, corpusDir: string, databaseUrl: string): Promise<void> {
  const tenant = loadTenant(io.env);
  const pools = createPgPools({ databaseUrl, max: 2 });
  const started = performance.now();
  try {
    const summary = await indexToPostgres({
      pools,
      tenant,
      corpusDir,
      progress: (done, total) => {
        if (total) io.err(`writing articles: ${done} of ${total}`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(
      `tenant ${tenant}: ${summary.written} article(s) written (${summary.statements} statements), ${summary.unchanged} unchanged, ${summary.removed} removed in ${seconds} s`,
    );
    if (summary.problems) io.err(`${summary.problems} corpus problem(s): run briefbot check for details`);
  } finally {
    await pools.close();
  }
}
