import type { Answer, QuoteLinks } from '../../src/index.js';
import type { TeamsReply } from './adaptive-card.js';
import { renderHelp, renderInvalid, renderNothing, renderSources, renderSpeakers } from './render-listings.js';
import { renderResults } from './render-results.js';

/** Renders any answer of the core as an Adaptive Card 1.5 with a plain-text twin. */
export function renderAnswer(answer: Answer, links: QuoteLinks | null = null): TeamsReply {
  switch (answer.kind) {
    case 'results':
      return renderResults(answer, links);
    case 'nothing':
      return renderNothing(answer);
    case 'help':
      return renderHelp(answer);
    case 'sources':
      return renderSources(answer);
    case 'speakers':
      return renderSpeakers(answer);
    case 'invalid':
      return renderInvalid(answer);
    default:
      return assertNever(answer);
  }
}

/** The greeting sent when the bot is added: help, introduced. */
export function renderWelcome(help: Extract<Answer, { kind: 'help' }>): TeamsReply {
  return renderHelp(help, "Hi, I'm Briefbot.");
}

function assertNever(value: never): never {
  throw new Error(`unhandled answer kind: ${JSON.stringify(value)}`);
}
