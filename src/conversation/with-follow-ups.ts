import type { Answer, AskOptions, Briefbot } from '../answer/answer-schema.js';
import type { ConversationStore } from './conversation-store.js';

/**
 * A Briefbot that remembers each conversation's last question: `ask` with a `conversation` key
 * passes the previous interpretation to the core, which merges a follow-up ("and in 2011?") with it,
 * and keeps the new one. A later page (`offset` > 0, "More results") is read with the same previous
 * interpretation but does not change it: the follow-up forms give the same query when merged again.
 */
export function withFollowUps(briefbot: Briefbot, store: ConversationStore): Briefbot {
  return {
    ...briefbot,
    async ask(question: string, options: AskOptions = {}): Promise<Answer> {
      const { conversation, ...rest } = options;
      if (conversation === undefined) return briefbot.ask(question, rest);
      const previous = await store.get(conversation);
      const answer = await briefbot.ask(question, previous ? { ...rest, previous } : rest);
      const firstPage = (rest.offset ?? 0) === 0;
      if (firstPage && (answer.kind === 'results' || answer.kind === 'nothing')) await store.set(conversation, answer.interpretation);
      return answer;
    },
  };
}
