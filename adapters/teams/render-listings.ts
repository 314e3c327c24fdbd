import type { Answer } from '../../src/index.js';
import { container, createReply, fitItems, openUrlAction, submitAction, textBlock, type CardNode, type TeamsReply } from './adaptive-card.js';
import { escapeCardText, formatPublishedDate, isOpenableUrl, truncateText } from './card-text.js';
import { describeSearch } from './describe-search.js';
import { renderUnconfirmed } from './render-unconfirmed.js';
import { createMoreResultsData } from './more-results.js';

type AnswerOf<K extends Answer['kind']> = Extract<Answer, { kind: K }>;

/** Example questions offered as buttons: a few, so the card stays short. */
const EXAMPLE_BUTTONS = 3;
/** Button titles are cut so Teams does not wrap them into a wall of text. */
const BUTTON_TITLE_MAX = 60;

/** Renders "nothing found": what was searched, why nothing came back and questions that would find something. */
export function renderNothing(answer: AnswerOf<'nothing'>): TeamsReply {
  const searched = describeSearch(answer.interpretation);
  const body: CardNode[] = [
    textBlock(escapeCardText(answer.message), { weight: 'Bolder' }),
    textBlock(`Searched: ${escapeCardText(searched)}.`, { isSubtle: true, size: 'Small' }),
  ];
  const unconfirmed = renderUnconfirmed(answer.unconfirmed);
  body.push(...unconfirmed.body);
  const suggestions = answer.suggestions.slice(0, EXAMPLE_BUTTONS);
  if (suggestions.length > 0) body.push(textBlock('Try one of these:', { spacing: 'Medium' }));
  const lines = [answer.message, `Searched: ${searched}.`, ...unconfirmed.lines];
  if (suggestions.length > 0) lines.push('Try one of these:', ...suggestions.map((s) => `- ${s}`));
  return createReply({ body, actions: exampleButtons(suggestions), plain: lines.join('\n'), summary: answer.message });
}

/** Renders help: example questions as buttons and the commands with what they do. */
export function renderHelp(answer: AnswerOf<'help'>, greeting?: string): TeamsReply {
  const body: CardNode[] = [];
  if (greeting) body.push(textBlock(greeting, { weight: 'Bolder', size: 'Medium' }));
  body.push(textBlock('Ask me who said what in the articles I have read. Every answer is a verbatim quote with its speaker, outlet, date and a link.'));
  if (answer.examples.length > 0) {
    body.push(textBlock('For example:', { spacing: 'Medium' }));
    for (const example of answer.examples) body.push(textBlock(`• ${escapeCardText(example)}`, { spacing: 'None' }));
  }
  if (answer.commands.length > 0) {
    body.push({
      type: 'FactSet',
      spacing: 'Medium',
      facts: answer.commands.map((c) => ({ title: escapeCardText(c.command), value: escapeCardText(c.description) })),
    });
  }
  const lines = [
    ...(greeting ? [greeting] : []),
    'Ask me who said what in the articles I have read. Every answer is a verbatim quote with its speaker, outlet, date and a link.',
    ...(answer.examples.length > 0 ? ['For example:', ...answer.examples.map((e) => `- ${e}`)] : []),
    ...answer.commands.map((c) => `${c.command}: ${c.description}`),
  ];
  const summary = greeting ? `${greeting} Ask me who said what in the news; examples below.` : 'What I can do, with example questions.';
  return createReply({ body, actions: exampleButtons(answer.examples.slice(0, EXAMPLE_BUTTONS)), plain: lines.join('\n'), summary });
}

/** Renders the articles in the corpus, each with outlet, date, statement count and a link; as many as fit. */
export function renderSources(answer: AnswerOf<'sources'>): TeamsReply {
  const { sources } = answer;
  if (sources.length === 0) return emptyListing('No articles are loaded yet.');
  return fitItems(sources.length, (count) => {
    const shown = sources.slice(0, count);
    const body: CardNode[] = [textBlock(countLine(sources.length, count, 'article'), { weight: 'Bolder' })];
    const lines = [countLine(sources.length, count, 'article')];
    for (const source of shown) {
      const meta = `${source.outlet} · ${formatPublishedDate(source.date)} · ${plural(source.statements, 'statement')}`;
      const items: CardNode[] = [
        textBlock(escapeCardText(source.title), { weight: 'Bolder' }),
        textBlock(escapeCardText(meta), { isSubtle: true, size: 'Small', spacing: 'None' }),
      ];
      if (isOpenableUrl(source.url)) items.push({ type: 'ActionSet', actions: [openUrlAction('Read the article', source.url)], spacing: 'Small' });
      body.push(container(items, { separator: true }));
      lines.push(`- ${source.title} (${meta}) ${source.url}`);
    }
    return createReply({ body, plain: lines.join('\n'), summary: lines[0] ?? '' });
  });
}

/** Renders the speakers in the corpus with their roles and how many statements each has; as many as fit. */
export function renderSpeakers(answer: AnswerOf<'speakers'>): TeamsReply {
  const { speakers } = answer;
  if (speakers.length === 0) return emptyListing('No speakers are known yet.');
  return fitItems(speakers.length, (count) => {
    const shown = speakers.slice(0, count);
    const body: CardNode[] = [textBlock(countLine(speakers.length, count, 'speaker'), { weight: 'Bolder' })];
    const lines = [countLine(speakers.length, count, 'speaker')];
    for (const speaker of shown) {
      const details = [speaker.roles[0], plural(speaker.statements, 'statement')].filter((d): d is string => Boolean(d)).join(' · ');
      body.push(
        container(
          [
            textBlock(escapeCardText(speaker.name), { weight: 'Bolder' }),
            textBlock(escapeCardText(details), { isSubtle: true, size: 'Small', spacing: 'None' }),
          ],
          { separator: true },
        ),
      );
      lines.push(`- ${speaker.name} (${details})`);
    }
    return createReply({ body, plain: lines.join('\n'), summary: lines[0] ?? '' });
  });
}

/** Renders a question the core could not take (empty, too long, no words), with its polite message. */
export function renderInvalid(answer: AnswerOf<'invalid'>): TeamsReply {
  return createReply({ body: [textBlock(escapeCardText(answer.message))], plain: answer.message, summary: answer.message });
}

function emptyListing(message: string): TeamsReply {
  return createReply({ body: [textBlock(message)], plain: message, summary: message });
}

function exampleButtons(questions: string[]): CardNode[] {
  return questions.map((q) => submitAction(truncateText(q, BUTTON_TITLE_MAX), createMoreResultsData(q, 0)));
}

function countLine(total: number, shown: number, noun: string): string {
  return shown < total ? `${plural(total, noun)} (showing the first ${shown})` : plural(total, noun);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
