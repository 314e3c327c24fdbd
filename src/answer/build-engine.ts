import type { Article } from '../corpus/article.js';
import type { CorpusProblem } from '../corpus/corpus-problem.js';
import type { Logger } from '../logging.js';
import type { QuestionContext } from '../question/parsed-question.js';
import { IndexedStatementSearch } from '../search/indexed-search.js';
import type { IndexedStatement } from '../search/minisearch-search.js';
import type { StatementSearch } from '../search/statement-search.js';
import type { Synonyms } from '../search/synonyms.js';
import { extractStatements, type Extraction } from '../statements/extract-statements.js';
import { segmentParagraphs } from '../statements/segment.js';
import type { Speaker, Statement } from '../statements/statement.js';
import { answerQuestion } from './answer-question.js';
import type { Answer, AskOptions } from './answer-schema.js';
import type { BriefbotEngine } from './open-briefbot.js';
import { groupStatements, type StatementGroup } from './group-statements.js';

/** Everything an answer is computed from, built once per corpus. */
export interface EngineData {
  articles: Map<string, Article>;
  statements: Map<string, Statement>;
  speakers: Map<string, Speaker>;
  groups: Map<string, StatementGroup>;
  search: StatementSearch;
  questionContext: Omit<QuestionContext, 'now'>;
}

/** Pairs each statement with the paragraph it sits in, for the index's context field. */
export function withContext(articles: Article[], statements: Statement[]): IndexedStatement[] {
  const byArticle = new Map<string, Statement[]>();
  for (const st of statements) (byArticle.get(st.articleId) ?? byArticle.set(st.articleId, []).get(st.articleId)!).push(st);
  const out: IndexedStatement[] = [];
  for (const article of articles) {
    const list = byArticle.get(article.id);
    if (!list) continue;
    const paragraphs = segmentParagraphs(article.body);
    for (const statement of list) {
      const p = paragraphs.find((x) => x.start <= statement.start && statement.start < x.end);
      out.push({ statement, context: p ? article.body.slice(p.start, p.end) : '' });
    }
  }
  return out;
}

/** Builds the engine's data from articles (extraction, grouping, index). */
export function buildEngineData(articles: Article[], synonyms: Synonyms, extraction?: Extraction): EngineData {
  const { statements, speakers } = extraction ?? extractStatements(articles);
  const search = IndexedStatementSearch.build(withContext(articles, statements), synonyms);
  const outlets = [...new Set(articles.map((a) => a.outlet))];
  return {
    articles: new Map(articles.map((a) => [a.id, a])),
    statements: new Map(statements.map((s) => [s.id, s])),
    speakers: new Map(speakers.map((s) => [s.id, s])),
    groups: groupStatements(statements),
    search,
    questionContext: { speakers: speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases })), outlets },
  };
}

/** Wraps engine data as the `Briefbot` the adapters call. */
export function createEngine(
  data: EngineData,
  info: { corpusDir: string; problems: CorpusProblem[]; now: () => Date; logger?: Logger },
): BriefbotEngine {
  return {
    corpusDir: info.corpusDir,
    articles: [...data.articles.values()],
    statements: [...data.statements.values()],
    speakers: [...data.speakers.values()],
    problems: info.problems,
    ask: (question: string, options?: AskOptions): Promise<Answer> => answerQuestion(data, question, options ?? {}, info.now()),
  };
}
