import type { CorpusProblem } from '../corpus/corpus-problem.js';
import { appendReport, type ReportInput } from '../corrections/reports.js';
import type { Logger } from '../logging.js';
import type { CorpusStore } from '../store/corpus-store.js';
import { answerQuestion } from './answer-question.js';
import type { Answer, AskOptions } from './answer-schema.js';
import { findQuoteContext } from './find-quote-context.js';
import { findResult } from './find-result.js';
import type { BriefbotEngine } from './open-briefbot.js';
import { fillView, questionView } from './fill-view.js';

/** The view one statement's result or context is read from: with its group and their articles whole. */
async function viewOf(data: CorpusStore, statementId: string): Promise<CorpusStore> {
  const view = questionView(data);
  if (view === data) return data;
  await fillView(view, { ids: [statementId] });
  const members = view.groups.get(statementId)?.members ?? [];
  await fillView(view, { bodies: members.map((m) => m.articleId) });
  return view;
}

/** Wraps engine data as the `Briefbot` the adapters call. */
export function createEngine(
  data: CorpusStore,
  info: { corpusDir: string; problems: CorpusProblem[]; now: () => Date; logger?: Logger },
): BriefbotEngine {
  return {
    corpusDir: info.corpusDir,
    // A store that reads on demand holds no corpus to list: its sizes are in `counts`.
    articles: data.reads ? [] : [...data.articles.values()],
    statements: data.reads ? [] : [...data.statements.values()],
    speakers: [...data.speakers.values()],
    ...(data.reads ? { reader: { articleIds: () => data.reads!.articleIds(), articlesWith: data.reads.articlesWith, read: (ids: string[]) => data.reads!.read(ids) } } : {}),
    counts: { articles: data.reads ? data.reads.articleCount() : data.articles.size, statements: data.reads ? data.reads.statementCount() : data.statements.size },
    problems: info.problems,
    ask: (question: string, options?: AskOptions): Promise<Answer> => answerQuestion(data, question, options ?? {}, info.now()),
    quote: async (statementId: string) => findQuoteContext(await viewOf(data, statementId), statementId),
    result: async (statementId: string) => findResult(await viewOf(data, statementId), statementId),
    report: async (input: ReportInput) => {
      const view = await viewOf(data, input.statementId);
      const statement = view.statements.get(input.statementId);
      if (!statement) return false;
      const shown = findResult(view, input.statementId);
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
