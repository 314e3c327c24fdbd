import { cleanQuestion, normaliseForMatching } from '../question/clean-question.js';
import { lowerSameLength } from '../question/find-known-speakers.js';
import type { KnownSpeaker } from '../question/parsed-question.js';

const NOT_WORD = /[^\p{L}\p{N}]+/u;

function wordsOf(text: string): string[] {
  return lowerSameLength(normaliseForMatching(text)).split(NOT_WORD).filter(Boolean);
}

/**
 * An index of speakers by the words of their names, so a question is matched against the few
 * speakers it could name instead of every alias in the corpus. The parser finds a name only as
 * whole words of the question, so a speaker none of whose name words is in the question cannot
 * match: leaving it out changes nothing. Speakers keep their order, which breaks the parser's ties.
 */
export function createSpeakerCandidates(speakers: readonly KnownSpeaker[]): (question: string) => KnownSpeaker[] {
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  speakers.forEach((speaker, i) => {
    const words = new Set([speaker.name, ...speaker.aliases].flatMap(wordsOf));
    if (words.size === 0) always.push(i);
    for (const w of words) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(i);
  });
  return (question) => {
    const found = new Set(always);
    for (const w of new Set([...wordsOf(question), ...wordsOf(cleanQuestion(question))])) for (const i of byWord.get(w) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => speakers[i]!);
  };
}
