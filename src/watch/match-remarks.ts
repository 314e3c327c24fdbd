import type { Interpretation, Result } from '../answer/answer-schema.js';
import type { Article } from '../corpus/article.js';
import type { Speaker, Statement } from '../statements/statement.js';
import { analyseText } from '../search/analyse-text.js';
import { createStatementMatcher } from './match-statement.js';
import type { CorpusReader } from '../store/corpus-store.js';

/** What watches read of an engine: its articles, statements and speakers, and the result a statement belongs to. */
export interface ScanSource {
  articles: Article[];
  statements: Statement[];
  speakers: Speaker[];
  result(statementId: string): Promise<Result | null>;
  /** Set when the engine holds no corpus: `articles` and `statements` are then empty, and this reads them. */
  reader?: CorpusReader;
}

/** How many articles the whole-corpus count reads at once from a corpus not held in memory. */
const COUNT_BATCH = 1000;

/** How many remarks of the whole corpus a watch matches: what posting the corpus would post. */
export async function countRemarks(source: ScanSource, interpretation: Interpretation): Promise<number> {
  if (!source.reader) return (await matchRemarks(source, interpretation, source.statements)).length;
  // Only the articles that can hold a match are read: those with the watch's words (and speaker), found by search.
  // A watch naming someone the corpus does not know yet narrows by its words alone.
  const text = interpretation.phrase ?? (interpretation.topic || null);
  const ids = text || interpretation.speaker ? await source.reader.articlesWith(text, interpretation.speaker?.id ?? null, interpretation.phrase !== null) : await source.reader.articleIds();
  const seen = new Set<string>();
  let count = 0;
  for (let at = 0; at < ids.length; at += COUNT_BATCH) {
    const { articles, statements } = await source.reader.read(ids.slice(at, at + COUNT_BATCH));
    count += (await matchRemarks(source, interpretation, statements, articles, seen)).length;
  }
  return count;
}

/** One remark a watch matches: the key it is posted under and every statement of it (each outlet's). */
export interface RemarkMatch {
  remark: string;
  statementIds: string[];
}

/**
 * The remarks among `statements` that a watch asks for, each once however many outlets reported
 * it: what an alert would post. The confirmation's count and the scan of new articles both use it,
 * so "N quotes already match" is what N posts would have been.
 */
export async function matchRemarks(
  source: ScanSource,
  interpretation: Interpretation,
  statements: readonly Statement[],
  /** The statements' articles, when they are not the source's own list (read on demand). */
  among: readonly Article[] = source.articles,
  /** Remarks already counted (by earlier batches of one count). */
  seen = new Set<string>(),
): Promise<RemarkMatch[]> {
  const matches = createStatementMatcher(interpretation);
  const articles = new Map(among.map((a) => [a.id, a]));
  const speakers = new Map(source.speakers.map((s) => [s.id, s]));
  const remarks: RemarkMatch[] = [];
  const matched = statements.filter((statement) => {
    const article = articles.get(statement.articleId);
    const speaker = statement.speakerId ? (speakers.get(statement.speakerId) ?? null) : null;
    return article !== undefined && matches(statement, article, speaker);
  });
  // One quotation is one remark however many of its sentences match: the sentence with most of the topic's
  // words leads it ("Senates should be only advisory …", not "All practices … need to be involved.").
  const topic = interpretation.topic && !interpretation.phrase ? [...new Set(analyseText(interpretation.topic))] : [];
  const own = (st: Statement): number => {
    const terms = new Set(analyseText(st.text));
    return topic.filter((t) => terms.has(t)).length;
  };
  const quotationOf = (st: Statement): string | null => (st.quotation ? `${st.articleId}#${st.quotation.start}` : null);
  const leads = new Map<string, { st: Statement; own: number }>();
  for (const st of matched) {
    const quotation = quotationOf(st);
    if (!quotation) continue;
    const score = topic.length ? own(st) : 0;
    const lead = leads.get(quotation);
    if (!lead || score > lead.own) leads.set(quotation, { st, own: score });
  }
  for (const statement of matched) {
    const quotation = quotationOf(statement);
    if (quotation && leads.get(quotation)!.st !== statement) continue;
    const result = await source.result(statement.id);
    const remark = result?.id ?? statement.id;
    if (seen.has(remark)) continue;
    seen.add(remark);
    remarks.push({ remark, statementIds: result ? result.sources.map((s) => s.statementId) : [statement.id] });
  }
  return remarks;
}
