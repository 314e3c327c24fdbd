import { describeFollowUp, quotationParts, type Answer, type PublishedDate, type Result, type Unconfirmed } from '../index.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "20 June 2011", "January 2012", "about 22 November 2012" when the date is an estimate. */
export function formatDate(date: PublishedDate): string {
  const [y, m, d] = date.value.split('-');
  const text = date.precision === 'year' ? y! : date.precision === 'month' ? `${MONTHS[Number(m) - 1]} ${y}` : `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  return date.inferred ? `about ${text} (estimated)` : text;
}

function renderResult(r: Result, index: number): string {
  const who = r.speaker ? r.speaker.name : 'Unknown speaker';
  const role = r.speaker?.roles[0] ? ` (${r.speaker.roles[0]})` : '';
  const words = r.kind === 'direct' ? `“${quotedWords(r)}”` : `Reported speech (not verbatim): ${r.text}`;
  const lines = [`${index}. ${words}`, `   — ${who}${role}${r.correction ? ` (${r.correction})` : ''}`];
  for (const s of r.sources) lines.push(`   ${s.outlet}, “${s.title}”, ${formatDate(s.date)}`, `   ${s.url}`);
  return lines.join('\n');
}

/** The whole quotation with the part that matches the question between `**`, or the quote alone. */
function quotedWords(r: Result): string {
  const parts = quotationParts(r);
  if (!parts) return r.text;
  return `${parts.trimmedStart ? '… ' : ''}${parts.before}**${parts.match}**${parts.after}${parts.trimmedEnd ? ' …' : ''}`;
}

/** Passages that mention the speaker, under their label: never shown as the speaker's quotes. */
function renderUnconfirmed(u: Unconfirmed | undefined): string[] {
  if (!u) return [];
  const lines = ['', `${u.label}:`];
  for (const p of u.passages) {
    lines.push(`- ${p.trimmedStart ? '… ' : ''}${p.text}${p.trimmedEnd ? ' …' : ''}`, `  ${p.outlet}, “${p.title}”, ${formatDate(p.date)}`, `  ${p.url}`);
  }
  return lines;
}

/** What was searched, in words: "Searched: Michael Dixon · senates · in 2011". */
export function describeSearch(answer: Extract<Answer, { kind: 'results' | 'nothing' }>): string {
  const i = answer.interpretation;
  const parts = [
    i.speaker ? `speaker ${i.speaker.name}` : i.speakerQuery ? `speaker ${i.speakerQuery}` : 'any speaker',
    i.phrase ? `words "${i.phrase}"` : i.topic ? `topic "${i.topic}"` : 'any topic',
  ];
  if (i.dateText) parts.push(i.dateText);
  else if (i.dateFrom || i.dateTo) parts.push(`${i.dateFrom ?? '…'} to ${i.dateTo ?? '…'}`);
  if (i.outlet) parts.push(`in ${i.outlet}`);
  if (i.sort === 'newest') parts.push('newest first');
  const followUp = describeFollowUp(i);
  if (followUp) parts.push(followUp);
  return `Searched: ${parts.join(' · ')}`;
}

/** Renders an answer as plain text for the terminal. */
export function renderText(answer: Answer): string {
  switch (answer.kind) {
    case 'results': {
      const shown = answer.results.map((r, i) => renderResult(r, answer.offset + i + 1));
      const more = answer.total > answer.offset + answer.results.length ? `\n${answer.total - answer.offset - answer.results.length} more: use --offset ${answer.offset + answer.results.length}` : '';
      // The quotes come first: that is what gets pasted; what was searched follows.
      return [...(answer.note ? [answer.note, ''] : []), shown.join('\n\n'), ...renderUnconfirmed(answer.unconfirmed), '', describeSearch(answer)].join('\n') + more;
    }
    case 'nothing':
      return [
        answer.message,
        ...renderUnconfirmed(answer.unconfirmed),
        ...(answer.unconfirmed ? [''] : []),
        describeSearch(answer),
        ...(answer.suggestions.length ? ['Try:', ...answer.suggestions.map((s) => `  ${s}`)] : []),
      ].join('\n');
    case 'help':
      return ['Ask for quotes, for example:', ...answer.examples.map((e) => `  ${e}`), '', 'Commands:', ...answer.commands.map((c) => `  ${c.command}: ${c.description}`)].join('\n');
    case 'sources':
      return answer.sources.map((s) => `${formatDate(s.date)}  ${s.outlet}: ${s.title} (${s.statements} statements)\n  ${s.url}`).join('\n');
    case 'speakers':
      return answer.speakers.map((s) => `${s.name}${s.roles[0] ? ` (${s.roles[0]})` : ''}: ${s.statements} statements${s.aliases.length > 1 ? `; also "${s.aliases.filter((a) => a !== s.name).join('", "')}"` : ''}`).join('\n');
    case 'invalid':
      return answer.message;
    default: {
      const unreachable: never = answer;
      return unreachable;
    }
  }
}
