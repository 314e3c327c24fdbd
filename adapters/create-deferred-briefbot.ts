import type { Answer, AskOptions, Briefbot } from '../src/index.js';

/** A Briefbot whose `ask` waits for the engine being loaded, so adapters can be built before the corpus is indexed. */
export function createDeferredBriefbot(engine: Promise<Briefbot>): Briefbot {
  return {
    ask: async (question: string, askOptions?: AskOptions): Promise<Answer> => (await engine).ask(question, askOptions),
    quote: async (statementId: string) => {
      const ready = await engine;
      return ready.quote ? ready.quote(statementId) : null;
    },
    result: async (statementId: string) => {
      const ready = await engine;
      return ready.result ? ready.result(statementId) : null;
    },
    report: async (input) => {
      const ready = await engine;
      return ready.report ? ready.report(input) : false;
    },
  };
}
