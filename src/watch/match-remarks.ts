import type { Interpretation, Result } from '../answer/answer-schema.js';
import type { Article } from '../corpus/article.js';
import type { Speaker, Statement } from '../statements/statement.js';
import { analyseText } from '../search/analyse-text.js';
import { createStatementMatcher } from './match-statement.js';

/** What watches read of an engine: its articles, statements and speakers, and the result a statement belongs to. */
export interface ScanSource {
  articles: Article[];
  statements: Statement[];
  speakers: Speaker[];
  result(statementId: string): Promise<Result | null>;
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
export async function matchRemarks(source: ScanSource, interpretation: Interpretation, statements: readonly Statement[]): Promise<RemarkMatch[]> {
  const matches = createStatementMatcher(interpretation);
  const articles = new Map(source.articles.map((a) => [a.id, a]));
  const speakers = new Map(source.speakers.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const remarks: RemarkMatch[] = [];
  const matched = statements.filter((statement) => {
    const article = articles.get(statement.articleId);
    const speaker = statement.speakerId ? (speakers.get(statement.speakerId) ?? null) : null;
    return article !== undefined && matches(statement, article, speaker);
  });
  // One quotation is one remark however many of its sentences match: the sentence with the topic's words
  // leads it ("Senates should be only advisory …", not "All practices … need to be involved.").
  const topic = interpretation.topic && !interpretation.phrase ? [...new Set(analyseText(interpretation.topic))] : [];
  const own = (st: Statement): number => {
    const terms = new Set(analyseText(st.text));
    return topic.filter((t) => terms.has(t)).length;
  };
  const ordered = topic.length ? matched.map((st, i) => ({ st, i, own: own(st) })).sort((a, b) => b.own - a.own || a.i - b.i).map((x) => x.st) : matched;
  const quotations = new Set<string>();
  for (const statement of ordered) {
    const quotation = statement.quotation ? `${statement.articleId}#${statement.quotation.start}` : null;
    if (quotation && quotations.has(quotation)) continue;
    if (quotation) quotations.add(quotation);
    const result = await source.result(statement.id);
    const remark = result?.id ?? statement.id;
    if (seen.has(remark)) continue;
    seen.add(remark);
    remarks.push({ remark, statementIds: result ? result.sources.map((s) => s.statementId) : [statement.id] });
  }
  return remarks;
}
