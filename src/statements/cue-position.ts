import type { SentenceAnalysis } from './analyse-article.js';
import type { Cue } from './find-cues.js';

/** True when a cue closes its sentence: "…, the Chairman of the NHS Alliance has said." */
export function endsSentence(body: string, s: SentenceAnalysis, c: Cue): boolean {
  const start = Math.min(c.phraseSpan.start, c.verbSpan.start);
  const end = Math.max(c.phraseSpan.end, c.verbSpan.end);
  const before = body.slice(s.span.start, start);
  const after = body.slice(end, s.span.end);
  return /,\s*$/.test(before) && /^(?:\s+(?:to\s+)?[\p{L}\s'’-]{0,60}?)?\s*[.!?]?\s*$/u.test(after);
}

/** The cue's words; a verb that shares its sentence's subject gets that subject: "Dr Dixon … said". */
export function cueText(body: string, s: SentenceAnalysis, c: Cue): string {
  if (c.phrase.type !== 'pronoun' || c.phrase.text !== '' || !s.subject) return c.text;
  return `${body.slice(s.subject.span.start, s.subject.span.end)} … ${c.text}`;
}
