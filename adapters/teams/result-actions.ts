import { z } from 'zod';
import { formatCitation, type Briefbot, type QuoteLinks, type Report, type Result } from '../../src/index.js';
import { isOpenableUrl } from './card-text.js';
import { openUrlAction, submitAction, type CardNode } from './adaptive-card.js';

/** The data of a "Copy citation" or "Wrong speaker?" submit: the statement id, and for a report an optional comment. */
export const ResultActionDataSchema = z
  .object({
    action: z.enum(['briefbot.cite', 'briefbot.report']),
    id: z.string().min(1).max(500),
    /** The id of the comment box of this result: a submit carries every input of the card, each result has its own. */
    commentField: z.string().regex(/^briefbot_comment_\d+$/).optional(),
  })
  .catchall(z.unknown())
  .transform(({ action, id, commentField, ...inputs }) => {
    const comment = commentField === undefined ? undefined : inputs[commentField];
    return { action, id, ...(typeof comment === 'string' && comment.trim() !== '' ? { comment: comment.trim().slice(0, 2000) } : {}) };
  });
export type ResultActionData = z.infer<typeof ResultActionDataSchema>;

/**
 * The buttons under each result: "In context" (when a public URL is configured), "Copy citation",
 * and "Wrong speaker?", which opens a comment box (optional) with a "Report" button.
 */
export function renderResultActions(result: Result, index: number, links: QuoteLinks | null): CardNode {
  const commentField = `briefbot_comment_${index}`;
  const actions: CardNode[] = [];
  const url = links?.linkFor(result.id);
  if (url !== undefined && isOpenableUrl(url)) actions.push(openUrlAction('In context', url));
  actions.push(submitAction('Copy citation', { action: 'briefbot.cite', id: result.id }));
  actions.push({
    type: 'Action.ShowCard',
    title: 'Wrong speaker?',
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: 'Tell the editors what is wrong (optional). The answer does not change until an editor checks it.', wrap: true, size: 'Small' },
        { type: 'Input.Text', id: commentField, isMultiline: true, maxLength: 2000, placeholder: 'e.g. this is Jeremy Hunt, not Michael Dixon' },
      ],
      actions: [submitAction('Report', { action: 'briefbot.report', id: result.id, commentField })],
    },
  });
  return { type: 'ActionSet', actions, spacing: 'Small' };
}

const GONE = 'That quote is no longer in the corpus. Ask again to see the current results.';

/** The plain-text reply to a result button: the citation, or the thanks for a report. */
export async function answerResultAction(briefbot: Briefbot, data: ResultActionData, reporter: Report['reporter']): Promise<string> {
  if (data.action === 'briefbot.cite') {
    const result = briefbot.result ? await briefbot.result(data.id) : null;
    return result === null ? GONE : formatCitation(result);
  }
  const comment = data.comment;
  const recorded = briefbot.report ? await briefbot.report({ statementId: data.id, reporter, ...(comment ? { comment } : {}) }) : false;
  return recorded ? 'Thanks: reported to the editors. The answer stays as it is until an editor checks the article and records a correction.' : GONE;
}
