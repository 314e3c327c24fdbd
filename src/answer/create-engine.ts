import type { CorpusProblem } from '../corpus/corpus-problem.js';
import { appendReport, type ReportInput } from '../corrections/reports.js';
import type { Logger } from '../logging.js';
import type { CorpusStore } from '../store/corpus-store.js';
import { answerQuestion } from './answer-question.js';
import type { Answer, AskOptions } from './answer-schema.js';
import { findQuoteContext } from './find-quote-context.js';
import { findResult } from './find-result.js';
import type { BriefbotEngine } from './open-briefbot.js';

/** Wraps engine data as the `Briefbot` the adapters call. */
export function createEngine(
  data: CorpusStore,
  info: { corpusDir: string; problems: CorpusProblem[]; now: () => Date; logger?: Logger },
): BriefbotEngine {
  return {
    corpusDir: info.corpusDir,
    articles: [...data.articles.values()],
    statements: [...data.statements.values()],
    speakers: [...data.speakers.values()],
    problems: info.problems,
    ask: (question: string, options?: AskOptions): Promise<Answer> => answerQuestion(data, question, options ?? {}, info.now()),
    quote: async (statementId: string) => findQuoteContext(data, statementId),
    result: async (statementId: string) => findResult(data, statementId),
    report: async (input: ReportInput) => {
      const statement = data.statements.get(input.statementId);
      if (!statement) return false;
      const shown = findResult(data, input.statementId);
      await appendReport(info.corpusDir, {
        statementId: statement.id,
        articleId: statement.articleId,
        start: statement.start,
        end: statement.end,
        text: statement.text,
        speaker: shown?.speaker?.name ?? null,
        kind: statement.kind,
        reporter: input.reporter,
        at: info.now().toISOString(),
        ...(input.comment ? { comment: input.comment } : {}),
      });
      return true;
    },
  };
}
