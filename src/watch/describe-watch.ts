import type { Interpretation } from '../answer/answer-schema.js';

/** What a watch looks for, in the words of the answer's "Searched:" line: `quotes from Michael Dixon about "senates"`. */
export function describeWatch(interpretation: Interpretation): string {
  const parts = ['quotes'];
  if (interpretation.speaker) parts.push(`from ${interpretation.speaker.name}`);
  else if (interpretation.speakerQuery) parts.push(`from "${interpretation.speakerQuery}"`);
  if (interpretation.phrase) parts.push(`with the words "${interpretation.phrase}"`);
  else if (interpretation.topic) parts.push(`about "${interpretation.topic}"`);
  if (interpretation.outlet) parts.push(`in ${interpretation.outlet}`);
  if (interpretation.dateText) parts.push(interpretation.dateText);
  return parts.join(' ');
}
