import type { Result } from '../answer/answer-schema.js';
import type { Article } from '../corpus/article.js';
import type { Logger } from '../logging.js';
import type { Speaker, Statement } from '../statements/statement.js';
import { createStatementMatcher } from './match-statement.js';
import type { Delivery, WatchStore } from './watch.js';

/** What the scan reads of an engine: its articles, statements and speakers, and the result a statement belongs to. */
export interface ScanSource {
  articles: Article[];
  statements: Statement[];
  speakers: Speaker[];
  result(statementId: string): Promise<Result | null>;
}

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
  const scanned = store.scannedArticles();
  if (scanned === null) {
    // First run: what is in the corpus already is counted when a watch is set, not posted.
    store.markScanned(source.articles.map((a) => a.id));
    logger.info({ event: 'watch_baseline', articles: source.articles.length }, 'watches: noted the articles already in the corpus');
    return { newArticles: 0, newStatements: 0, deliveries: [], baseline: true };
  }
  const fresh = new Map(source.articles.filter((a) => !scanned.has(a.id)).map((a) => [a.id, a]));
  if (fresh.size === 0) return { newArticles: 0, newStatements: 0, deliveries: [], baseline: false };
  const statements = source.statements.filter((st) => fresh.has(st.articleId));
  const speakers = new Map(source.speakers.map((s) => [s.id, s]));
  const watches = store.listWatches();
  const wanted: Array<Pick<Delivery, 'watchId' | 'remark' | 'statementIds'>> = [];
  for (const watch of watches) {
    const matches = createStatementMatcher(watch.interpretation);
    const remarks = new Set<string>();
    for (const statement of statements) {
      const speaker = statement.speakerId ? (speakers.get(statement.speakerId) ?? null) : null;
      if (!matches(statement, fresh.get(statement.articleId)!, speaker)) continue;
      const result = await source.result(statement.id);
      const statementIds = result ? result.sources.map((s) => s.statementId) : [statement.id];
      const remark = result?.id ?? statement.id;
      if (remarks.has(remark)) continue;
      remarks.add(remark);
      const known = store.remarkOf(watch.id, statementIds);
      if (known !== null) {
        store.extendRemark(watch.id, known, statementIds);
        continue;
      }
      wanted.push({ watchId: watch.id, remark, statementIds });
    }
  }
  const deliveries = store.addDeliveries(wanted, now().toISOString());
  store.markScanned([...fresh.keys()]);
  logger.info({ event: 'watch_scan', articles: fresh.size, statements: statements.length, watches: watches.length, matches: deliveries.length }, 'watches: scanned new articles');
  return { newArticles: fresh.size, newStatements: statements.length, deliveries, baseline: false };
}
