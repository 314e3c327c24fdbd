import { z } from 'zod';

/** The longest question a button may carry back: the core refuses longer ones anyway. */
const MAX_QUESTION_LENGTH = 2000;

/**
 * The data of a "More results" (or example question) button, as Teams sends it back in a card
 * submit. Extra keys (Teams adds `msteams` to some) are ignored.
 */
export const MoreResultsDataSchema = z.object({
  question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
  offset: z.number().int().min(0).max(10_000),
});
export type MoreResultsData = z.infer<typeof MoreResultsDataSchema>;

/** The data a button carries, tagged so a submit can be recognised as ours. */
export function createMoreResultsData(question: string, offset: number): MoreResultsData & { action: 'briefbot.ask' } {
  return { action: 'briefbot.ask', question, offset };
}
