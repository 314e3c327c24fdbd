import type { Answer, Result, Source } from '../answer/answer-schema.js';
import { formatPublished } from './format-published.js';

/** The source a result shows: the article whose wording it is, else the earliest. */
export function primarySource(result: Result): Source {
  return result.sources.find((s) => s.statementId === result.id) ?? result.sources[0]!;
}

/** A lower-case kind in brackets, "NHS Alliance (press release)", reads "NHS Alliance press release" inside a citation's brackets. */
function outletName(outlet: string): string {
  return outlet.replace(/\s*\(([a-z][a-z ]*)\)\s*$/, ' $1');
}

function describeSource(source: Source): string {
  return `${outletName(source.outlet)}, “${source.title}”, ${formatPublished(source.date)}, ${source.url}`;
}

function speakerName(result: Result): { said: string; subject: string } | null {
  if (result.speaker === null) return null;
  const role = result.speaker.roles[0];
  const name = result.speaker.name;
  return role ? { said: `${name}, ${role}`, subject: `${name}, ${role},` } : { said: name, subject: name };
}

/** Quoted words before "said …": a closing full stop becomes a comma inside the marks; ? and ! stay. */
function quoteBeforeSaid(text: string): string {
  const words = text.trim();
  if (/[?!…]$/.test(words)) return `“${words}”`;
  return `“${words.replace(/[.,;:]+$/, '')},”`;
}

/**
 * The citation of one result, ready to paste into a briefing note:
 * `“Senates should be …,” said Michael Dixon, NHS Alliance chair (NHS Alliance press release,
 * “Clinically-Led Commissioning …”, 20 June 2011, http://…).` Reported speech is cited as reported
 * ("Michael Dixon, NHS Alliance chair, said …"), never inside quote marks; an estimated date reads
 * "about …"; an unnamed speaker is said to be unnamed. This is the one place the format is made.
 */
export function formatCitation(result: Result): string {
  const source = `(${describeSource(primarySource(result))})`;
  const who = speakerName(result);
  const words = result.text.trim();
  if (result.kind === 'direct') {
    return who === null ? `“${words}” (speaker not named in the article; ${source.slice(1)}.` : `${quoteBeforeSaid(words)} said ${who.said} ${source}.`;
  }
  const reported = words.replace(/[.,;:]+$/, '');
  return who === null ? `Reported, speaker not named in the article: ${reported} ${source}.` : `${who.subject} said ${reported} ${source}.`;
}

/** The citations of an answer, one a result shown; none for answers without quotes. */
export function citeAnswer(answer: Answer): string[] {
  switch (answer.kind) {
    case 'results':
      return answer.results.map(formatCitation);
    case 'nothing':
    case 'help':
    case 'sources':
    case 'speakers':
    case 'invalid':
      return [];
    default: {
      const unexpected: never = answer;
      throw new Error(`unknown answer kind ${(unexpected as { kind: string }).kind}`);
    }
  }
}
