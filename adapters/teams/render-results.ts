import { quotationParts, type Answer, type QuoteLinks, type Result, type Source } from '../../src/index.js';
import { renderResultActions } from './result-actions.js';
import { renderUnconfirmed } from './render-unconfirmed.js';
import {
  container,
  createReply,
  fitItems,
  measureReply,
  MAX_REPLY_BYTES,
  openUrlAction,
  submitAction,
  textBlock,
  type CardNode,
  type TeamsReply,
} from './adaptive-card.js';
import { escapeCardText, formatPublishedDate, isOpenableUrl, truncateText } from './card-text.js';
import { describeSearch } from './describe-search.js';
import { createMoreResultsData } from './more-results.js';

type ResultsAnswer = Extract<Answer, { kind: 'results' }>;

/** Longest quote shown whole; longer ones are cut at a word and marked with an ellipsis. */
const QUOTE_MAX = 1500;
/** The quote length used when even one result at full length would not fit the budget. */
const QUOTE_MAX_TIGHT = 400;
/** Further articles named under a result before "and N more". */
const OTHER_SOURCES_MAX = 4;
/** Longest speaker line, headline or outlet shown (an article can hold anything): cut with an ellipsis past it. */
const FIELD_MAX = 300;
/** Longest note of the core shown. */
const NOTE_MAX = 1000;

/** Renders a page of results: each quote with speaker, source, date and link, and "More results" when there are more. */
export function renderResults(answer: ResultsAnswer, links: QuoteLinks | null = null): TeamsReply {
  const build = (quoteMax: number) => (count: number) => buildResults(answer, answer.results.slice(0, count), quoteMax, links);
  const reply = fitItems(answer.results.length, build(QUOTE_MAX));
  if (measureReply(reply) <= MAX_REPLY_BYTES) return reply;
  return fitItems(answer.results.length, build(QUOTE_MAX_TIGHT));
}

function buildResults(answer: ResultsAnswer, shown: Result[], quoteMax: number, links: QuoteLinks | null): TeamsReply {
  const first = answer.offset + 1;
  const last = answer.offset + shown.length;
  const searched = describeSearch(answer.interpretation);
  const range = `Showing ${first}–${last} of ${answer.total}.`;
  const body: CardNode[] = [textBlock(`Searched: ${escapeCardText(searched)}. ${range}`, { isSubtle: true, size: 'Small' })];
  if (answer.note) body.push(textBlock(escapeCardText(truncateText(answer.note, NOTE_MAX)), { color: 'Warning' }));
  shown.forEach((result, index) => body.push(renderResult(result, quoteMax, index, links)));
  const unconfirmed = renderUnconfirmed(answer.unconfirmed);
  body.push(...unconfirmed.body);

  const hasMore = last < answer.total;
  const actions = hasMore
    ? [submitAction('More results', createMoreResultsData(answer.interpretation.question, last))]
    : [];
  const lines = [`Searched: ${searched}. ${range}`];
  if (answer.note) lines.push(truncateText(answer.note, NOTE_MAX));
  shown.forEach((result, index) => lines.push('', ...plainResult(result, first + index, quoteMax)));
  lines.push(...unconfirmed.lines);
  if (hasMore) lines.push('', 'More results: use the "More results" button.');
  return createReply({ body, actions, plain: lines.join('\n'), summary: `Showing ${first}–${last} of ${answer.total} ${searched}.` });
}

function renderResult(result: Result, quoteMax: number, index: number, links: QuoteLinks | null): CardNode {
  const separator = index > 0;
  const source = primarySource(result);
  const quote = truncateText(result.text, quoteMax);
  const passage = result.kind === 'direct' ? markedQuotation(result, quoteMax) : null;
  const items: CardNode[] =
    result.kind === 'direct'
      ? [container([textBlock(`“${passage ?? escapeCardText(quote)}”`, passage ? {} : { weight: 'Bolder' })], { style: 'emphasis' })]
      : [
          textBlock('Reported speech (paraphrase)', { isSubtle: true, size: 'Small', spacing: 'None' }),
          container([textBlock(escapeCardText(quote), { isSubtle: true })], { style: 'default' }),
        ];
  items.push(textBlock(`— ${escapeCardText(speakerLine(result))}`, { spacing: 'Small' }));
  items.push(
    textBlock(`${escapeCardText(truncateText(source.outlet, FIELD_MAX))} · ${escapeCardText(truncateText(source.title, FIELD_MAX))} · ${escapeCardText(formatPublishedDate(source.date))}`, {
      isSubtle: true,
      size: 'Small',
      spacing: 'None',
    }),
  );
  const others = otherSources(result, source);
  if (others.length > 0) {
    items.push(textBlock(`Also reported by ${escapeCardText(describeOtherSources(others))}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
  }
  if (isOpenableUrl(source.url)) {
    items.push({ type: 'ActionSet', actions: [openUrlAction('Read the article', source.url)], spacing: 'Small' });
  }
  items.push(renderResultActions(result, index, links));
  return container(items, { separator, spacing: separator ? 'Medium' : 'Default' });
}

/**
 * The whole quotation, escaped, with the part that matches the question in bold (the rest plain);
 * null when there is none wider than the quote or it would pass `quoteMax`.
 */
function markedQuotation(result: Result, quoteMax: number): string | null {
  const parts = quotationParts(result);
  if (!parts || parts.before.length + parts.match.length + parts.after.length > quoteMax) return null;
  const edge = (s: string, at: 'start' | 'end') => ((at === 'start' ? /^\s/ : /\s$/).test(s) ? ' ' : '');
  const piece = (s: string) => (s.trim() ? `${edge(s, 'start')}${escapeCardText(s)}${edge(s, 'end')}` : s ? ' ' : '');
  const match = escapeCardText(parts.match);
  return `${parts.trimmedStart ? '… ' : ''}${piece(parts.before)}${edge(parts.match, 'start')}**${match}**${edge(parts.match, 'end')}${piece(parts.after)}${parts.trimmedEnd ? ' …' : ''}`.replace(/ {2,}/g, ' ');
}

/** The quotation as plain text (no marks), or the quote alone when there is none wider. */
function plainQuotation(result: Result, quoteMax: number): string {
  const parts = quotationParts(result);
  const whole = parts ? `${parts.trimmedStart ? '… ' : ''}${parts.before}${parts.match}${parts.after}${parts.trimmedEnd ? ' …' : ''}` : null;
  return whole && whole.length <= quoteMax ? whole.replace(/\s+/g, ' ').trim() : truncateText(result.text, quoteMax);
}

function plainResult(result: Result, position: number, quoteMax: number): string[] {
  const source = primarySource(result);
  const quote = result.kind === 'direct' ? plainQuotation(result, quoteMax) : truncateText(result.text, quoteMax);
  const lines = [
    result.kind === 'direct' ? `${position}. “${quote}”` : `${position}. Reported speech (paraphrase): ${quote}`,
    `   — ${speakerLine(result)}`,
    `   ${truncateText(source.outlet, FIELD_MAX)}, "${truncateText(source.title, FIELD_MAX)}", ${formatPublishedDate(source.date)}`,
  ];
  const others = otherSources(result, source);
  if (others.length > 0) lines.push(`   Also reported by ${describeOtherSources(others)}`);
  lines.push(`   ${source.url}`);
  return lines;
}

/** The speaker with their first role, or a plain statement that the article does not say. */
function speakerLine(result: Result): string {
  if (!result.speaker) return 'speaker not named in the article';
  const role = result.speaker.roles[0];
  const corrected = result.correction ? ` (${result.correction})` : '';
  return truncateText(`${role ? `${result.speaker.name}, ${role}` : result.speaker.name}${corrected}`, FIELD_MAX);
}

function describeOtherSources(others: Source[]): string {
  const named = others.slice(0, OTHER_SOURCES_MAX).map((s) => `${truncateText(s.outlet, FIELD_MAX / 2)} (${formatPublishedDate(s.date)})`);
  const rest = others.length - named.length;
  return rest > 0 ? `${named.join('; ')} and ${rest} more` : named.join('; ');
}

/** The article whose wording is shown (the statement with the result's id), else the earliest. */
function primarySource(result: Result): Source {
  const source = result.sources.find((s) => s.statementId === result.id) ?? result.sources[0];
  if (!source) throw new Error(`result ${result.id} has no source`);
  return source;
}

function otherSources(result: Result, shown: Source): Source[] {
  return result.sources.filter((s) => s !== shown);
}
