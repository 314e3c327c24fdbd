import type { Interpretation } from '../answer/answer-schema.js';

/** For the "Searched:" line of a follow-up: "kept from the previous question: speaker, dates · not Michael Dixon"; null otherwise. */
export function describeFollowUp(interpretation: Interpretation): string | null {
  const parts: string[] = [];
  if (interpretation.carried?.length) parts.push(`kept from the previous question: ${interpretation.carried.join(', ')}`);
  if (interpretation.excludedSpeaker) parts.push(`not ${interpretation.excludedSpeaker.name}`);
  return parts.length ? parts.join(' · ') : null;
}
