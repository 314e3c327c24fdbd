import type { Logger } from '../logging.js';
import { matchRemarks, type ScanSource } from './match-remarks.js';
import type { Delivery, WatchStore } from './watch.js';

export type { ScanSource } from './match-remarks.js';

/** What one scan found. */
export interface ScanOutcome {
  /** Articles not scanned before (none on the very first scan, which only notes what is there). */
  newArticles: number;
  newStatements: number;
  /** Deliveries recorded as pending: one per watch and remark. */
  deliveries: Delivery[];
  baseline: boolean;
}

/**
 * Runs every watch against the statements of articles not scanned before, never the whole corpus
 * again. A remark is one delivery per watch, with every outlet that reported it; a statement of a
 * remark already delivered (a later outlet) is noted under it and posts nothing. Deliveries are
 * recorded before the articles are marked scanned, so a crash between the two repeats no post
 * (the store skips a known remark) and loses none.
 */
export async function scanNewArticles(source: ScanSource, store: WatchStore, now: () => Date, logger: Logger): Promise<ScanOutcome> {
  const scanned = await store.scannedArticles();
  const ids = source.reader ? await source.reader.articleIds() : source.articles.map((a) => a.id);
  if (scanned === null) {
    // First run: what is in the corpus already is counted when a watch is set, not posted.
    await store.markScanned(ids);
    logger.info({ event: 'watch_baseline', articles: ids.length }, 'watches: noted the articles already in the corpus');
    return { newArticles: 0, newStatements: 0, deliveries: [], baseline: true };
  }
  const fresh = new Set(ids.filter((id) => !scanned.has(id)));
  if (fresh.size === 0) return { newArticles: 0, newStatements: 0, deliveries: [], baseline: false };
  // A corpus not held in memory is read for the new articles only.
  const read = source.reader ? await source.reader.read([...fresh]) : null;
  const statements = read ? read.statements : source.statements.filter((st) => fresh.has(st.articleId));
  const articles = read ? read.articles : source.articles;
  const watches = await store.listWatches();
  const wanted: Array<Pick<Delivery, 'watchId' | 'remark' | 'statementIds'>> = [];
  for (const watch of watches) {
    for (const { remark, statementIds } of await matchRemarks(source, watch.interpretation, statements, articles)) {
      const known = await store.remarkOf(watch.id, statementIds);
      if (known !== null) {
        await store.extendRemark(watch.id, known, statementIds);
        continue;
      }
      wanted.push({ watchId: watch.id, remark, statementIds });
    }
  }
  const deliveries = await store.addDeliveries(wanted, now().toISOString());
  await store.markScanned([...fresh]);
  logger.info({ event: 'watch_scan', articles: fresh.size, statements: statements.length, watches: watches.length, matches: deliveries.length }, 'watches: scanned new articles');
  return { newArticles: fresh.size, newStatements: statements.length, deliveries, baseline: false };
}
