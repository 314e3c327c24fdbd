import { describeFollowUp, type Interpretation } from '../../src/index.js';

/**
 * What was searched, in plain words and unescaped, e.g.
 * `quotes by Michael Dixon about "senates", 2011, in NHS Alliance`.
 */
export function describeSearch(interpretation: Interpretation): string {
  const parts: string[] = [];
  if (interpretation.speaker) parts.push(`quotes by ${interpretation.speaker.name}`);
  else if (interpretation.speakerQuery) parts.push(`quotes by "${interpretation.speakerQuery}" (no speaker of that name)`);
  else parts.push('quotes');
  if (interpretation.phrase) parts.push(`containing "${interpretation.phrase}"`);
  if (interpretation.topic) parts.push(`about "${interpretation.topic}"`);
  const words = [parts.join(' ')];
  const dates = describeDates(interpretation);
  if (dates) words.push(dates);
  if (interpretation.outlet) words.push(`in ${interpretation.outlet}`);
  if (interpretation.sort === 'newest') words.push('newest first');
  const followUp = describeFollowUp(interpretation);
  if (followUp) words.push(followUp);
  return words.join(', ');
}

function describeDates(interpretation: Interpretation): string | null {
  if (interpretation.dateText) return interpretation.dateText;
  const { dateFrom, dateTo } = interpretation;
  if (dateFrom && dateTo) return `${dateFrom} to ${dateTo}`;
  if (dateFrom) return `from ${dateFrom}`;
  if (dateTo) return `until ${dateTo}`;
  return null;
}
