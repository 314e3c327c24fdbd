import { describeFollowUp, type Answer, type Interpretation, type QuoteLinks } from '../../src/index.js';
import { renderResultActions } from './render-result-actions.js';
import { encodeButtonValue } from './button-value.js';
import { fitMessage } from './fit-message.js';
import { formatPublishedDate } from './format-date.js';
import { escapeMrkdwn, formatLink, truncatePlain } from './mrkdwn.js';
import { renderResultBlocks, renderResultFallback, renderUnconfirmedBlocks } from './render-result.js';
import { ACTION_IDS, LIMITS, type ButtonElement, type SlackBlock, type SlackMessage } from './slack-message.js';

/** Where an answer will appear: only the asker sees an ephemeral one, so only it offers "Share in channel". */
export interface RenderOptions {
  /** The question as asked, carried in button values to redo the query. */
  question: string;
  visibility: 'ephemeral' | 'visible';
  /** Signed "In context" links, when a public URL is configured. */
  links?: QuoteLinks | null;
}

type ResultsAnswer = Extract<Answer, { kind: 'results' }>;

/** Blocks besides the results: the "searched" line, the note, the buttons and the overflow note. */
const FIXED_BLOCKS = 4;
const BLOCKS_PER_RESULT = 3;

function describeDates(interpretation: Interpretation): string | null {
  if (interpretation.dateText !== null) return interpretation.dateText;
  if (interpretation.dateFrom !== null && interpretation.dateTo !== null) return `${interpretation.dateFrom} to ${interpretation.dateTo}`;
  if (interpretation.dateFrom !== null) return `since ${interpretation.dateFrom}`;
  if (interpretation.dateTo !== null) return `until ${interpretation.dateTo}`;
  return null;
}

/** "Searched: speaker *Michael Dixon* · topic “senates” · dates in 2011": what the question was taken to mean. */
export function renderSearchedLine(interpretation: Interpretation): string {
  const parts: string[] = [];
  const speaker = interpretation.speaker?.name ?? interpretation.speakerQuery;
  if (speaker !== null) parts.push(`speaker *${escapeMrkdwn(speaker)}*`);
  if (interpretation.phrase !== null) parts.push(`phrase “${escapeMrkdwn(interpretation.phrase)}”`);
  else if (interpretation.topic !== null) parts.push(`topic “${escapeMrkdwn(interpretation.topic)}”`);
  const dates = describeDates(interpretation);
  if (dates !== null) parts.push(`dates ${escapeMrkdwn(dates)}`);
  if (interpretation.outlet !== null) parts.push(`outlet *${escapeMrkdwn(interpretation.outlet)}*`);
  if (interpretation.sort === 'newest') parts.push('newest first');
  const followUp = describeFollowUp(interpretation);
  if (followUp !== null) parts.push(escapeMrkdwn(followUp));
  return `Searched: ${parts.length === 0 ? 'all quotes' : parts.join(' · ')}`;
}

function shareButton(options: RenderOptions, index: number, offset: number, id: string): ButtonElement | undefined {
  if (options.visibility !== 'ephemeral') return undefined;
  const value = encodeButtonValue({ q: options.question, o: offset, l: 1, id });
  if (value === null) return undefined;
  return { type: 'button', action_id: `${ACTION_IDS.share}_${index}`, text: { type: 'plain_text', text: 'Share in channel' }, value };
}

function renderResults(answer: ResultsAnswer, options: RenderOptions): SlackMessage {
  const unconfirmed = renderUnconfirmedBlocks(answer.unconfirmed);
  const room = Math.floor((LIMITS.blocks - FIXED_BLOCKS - unconfirmed.length) / BLOCKS_PER_RESULT);
  const shown = answer.results.slice(0, room);
  const first = answer.offset + 1;
  const last = answer.offset + shown.length;
  const range = answer.total > shown.length ? ` · ${first}–${last} of ${answer.total}` : '';
  const blocks: SlackBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${renderSearchedLine(answer.interpretation)}${range}` }] },
  ];
  if (answer.note !== null) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `_${escapeMrkdwn(answer.note)}_` } });
  shown.forEach((result, i) => {
    blocks.push(...renderResultBlocks(result, shareButton(options, i, answer.offset + i, result.id)));
    blocks.push(renderResultActions(result, i, options.links ?? null));
  });
  blocks.push(...unconfirmed);
  if (last < answer.total) {
    const value = encodeButtonValue({ q: options.question, o: last, l: answer.limit });
    if (value !== null) {
      blocks.push({
        type: 'actions',
        elements: [{ type: 'button', action_id: ACTION_IDS.more, text: { type: 'plain_text', text: 'More results' }, value }],
      });
    }
  }
  const [top] = shown;
  const count = `${answer.total} quote${answer.total === 1 ? '' : 's'}`;
  const text = top === undefined ? count : `${count} for “${escapeMrkdwn(options.question)}”: ${renderResultFallback(top)}`;
  return fitMessage({ text, blocks }, 1);
}

function renderLines(title: string, lines: string[]): SlackMessage {
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title } }];
  let chunk = '';
  let shown = 0;
  for (const line of lines) {
    // One section per ~3,000 characters, and no more sections than Block Kit allows.
    if (chunk.length + line.length + 1 > LIMITS.sectionText && chunk !== '') {
      if (blocks.length >= LIMITS.blocks - 2) break;
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
      chunk = '';
    }
    chunk = chunk === '' ? line : `${chunk}\n${line}`;
    shown += 1;
  }
  if (chunk !== '') blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
  if (shown < lines.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${lines.length - shown} more` }] });
  return fitMessage({ text: escapeMrkdwn(title), blocks });
}

/** Turns the core's answer into a Slack message that fits Block Kit's limits, whatever the articles contain. */
export function renderAnswer(answer: Answer, options: RenderOptions): SlackMessage {
  switch (answer.kind) {
    case 'results':
      return renderResults(answer, options);
    case 'nothing': {
      const suggestions = answer.suggestions.map((s) => `• ${escapeMrkdwn(s)}`);
      const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(answer.message) } }];
      blocks.push(...renderUnconfirmedBlocks(answer.unconfirmed));
      if (suggestions.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `Try:\n${suggestions.join('\n')}` } });
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: renderSearchedLine(answer.interpretation) }] });
      return fitMessage({ text: escapeMrkdwn(answer.message), blocks });
    }
    case 'help': {
      const ask = 'Ask me for quotes: `/brief what did Dixon say about senates?`, mention me in a channel, or send me a direct message.';
      const blocks: SlackBlock[] = [
        { type: 'header', text: { type: 'plain_text', text: 'Briefbot: verbatim, attributed quotes from the news' } },
        { type: 'section', text: { type: 'mrkdwn', text: ask } },
      ];
      if (answer.examples.length > 0) {
        const examples = answer.examples.map((e) => `• ${escapeMrkdwn(e)}`).join('\n');
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Examples*\n${examples}` } });
      }
      if (answer.commands.length > 0) {
        const commands = answer.commands.map((c) => `• \`${escapeMrkdwn(c.command)}\`: ${escapeMrkdwn(c.description)}`).join('\n');
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Commands*\n${commands}` } });
      }
      return fitMessage({ text: 'Briefbot help: ask for quotes, e.g. /brief what did Dixon say about senates?', blocks });
    }
    case 'sources':
      return renderLines(
        truncatePlain(`Articles in the corpus (${answer.sources.length})`, LIMITS.headerText),
        answer.sources.map(
          (s) =>
            `• ${formatLink(s.url, s.title)}: ${escapeMrkdwn(s.outlet)}, ${escapeMrkdwn(formatPublishedDate(s.date))} · ${s.statements} statement${s.statements === 1 ? '' : 's'}`,
        ),
      );
    case 'speakers':
      return renderLines(
        `Speakers in the corpus (${answer.speakers.length})`,
        answer.speakers.map((s) => {
          const role = s.roles[0] === undefined ? '' : `, ${escapeMrkdwn(s.roles[0])}`;
          return `• *${escapeMrkdwn(s.name)}*${role} · ${s.statements} statement${s.statements === 1 ? '' : 's'}`;
        }),
      );
    case 'invalid':
      return fitMessage({
        text: escapeMrkdwn(answer.message),
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(answer.message) } }],
      });
    default: {
      const unexpected: never = answer;
      throw new Error(`unknown answer kind ${(unexpected as { kind: string }).kind}`);
    }
  }
}
