import type { Statement } from '../src/statements/statement.js';
import type { Speaker } from '../src/statements/statement.js';
import { createRandom } from './generate-corpus.js';

/** The kinds of question the benchmark times, as a chat user asks them. */
export type QuestionKind = 'speaker+topic' | 'topic' | 'who said' | 'date range' | 'typo';

/** One benchmark question. */
export interface BenchQuestion {
  kind: QuestionKind;
  text: string;
}

const COMMON = new Set(
  `about after again against before being because between could every first found further great little might never other people really should still their there these thing think those three through under where which while would years today being
  having going according because including however another someone something anyone anything everyone everything nothing
  nobody somebody everybody whatever whoever whether itself themselves himself herself ourselves myself yourself`.split(/\s+/),
);

/** Words of six letters or more that carry meaning: what a question's topic is drawn from. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\b[a-z]{6,}\b/g) ?? []).filter((w) => !COMMON.has(w));
}

/** A one-letter typo inside the word: two inner letters swapped, or one dropped. */
function misspell(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 3));
  return random() < 0.5 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
}

/**
 * A fixed mix of questions drawn from a corpus's own statements (so each has an answer): for
 * speakers of high, middle and low frequency, a topic they spoke about, the same with a typo and with
 * a date range; topics alone; and "who said" with three words of a direct quote.
 */
export function createQuestionMix(statements: Statement[], speakers: Speaker[], perKind = 10, seed = 7): BenchQuestion[] {
  const random = createRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const bySpeaker = new Map<string, Statement[]>();
  for (const st of statements) if (st.speakerId) (bySpeaker.get(st.speakerId) ?? bySpeaker.set(st.speakerId, []).get(st.speakerId)!).push(st);
  const people = speakers
    .filter((s) => s.kind === 'person' && s.name.split(' ').length === 2 && (bySpeaker.get(s.id)?.length ?? 0) >= 3)
    .sort((a, b) => bySpeaker.get(b.id)!.length - bySpeaker.get(a.id)!.length || a.id.localeCompare(b.id));
  const years = statements.length ? [2008, 2012, 2016, 2020] : [];
  // Half the speaker questions go to the most quoted people, as in a real press office.
  const chooseSpeaker = (): Speaker => (random() < 0.5 ? people[Math.floor(random() * Math.min(10, people.length))]! : pick(people));
  const topicOf = (list: Statement[]): string | null => {
    for (let tries = 0; tries < 20; tries++) {
      const words = contentWords(pick(list).text);
      if (words.length) return pick(words);
    }
    return null;
  };
  const out: BenchQuestion[] = [];
  const add = (kind: QuestionKind, make: () => string | null) => {
    for (let made = 0, tries = 0; made < perKind && tries < perKind * 20; tries++) {
      const text = make();
      if (text) {
        out.push({ kind, text });
        made++;
      }
    }
  };
  if (people.length) {
    add('speaker+topic', () => {
      const s = chooseSpeaker();
      const topic = topicOf(bySpeaker.get(s.id)!);
      return topic && `what did ${s.name} say about ${topic}?`;
    });
    add('typo', () => {
      const s = chooseSpeaker();
      const topic = topicOf(bySpeaker.get(s.id)!);
      return topic && `what did ${s.name} say about ${misspell(topic, random)}?`;
    });
    add('date range', () => {
      const y = pick(years);
      if (random() < 0.5) {
        const s = chooseSpeaker();
        const topic = topicOf(bySpeaker.get(s.id)!);
        return topic && `what did ${s.name} say about ${topic} between ${y} and ${y + 4}?`;
      }
      const topic = topicOf(statements);
      return topic && `what was said about ${topic} in ${y + Math.floor(random() * 4)}?`;
    });
  }
  add('topic', () => {
    const topic = topicOf(statements);
    return topic && `what was said about ${topic}?`;
  });
  const direct = statements.filter((s) => s.kind === 'direct' && s.text.split(/\s+/).length >= 6);
  if (direct.length) {
    add('who said', () => {
      const words = pick(direct).text.replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/).filter(Boolean);
      if (words.length < 4) return null;
      const at = Math.floor(random() * (words.length - 3));
      const phrase = words.slice(at, at + 3);
      // People ask who said a telling phrase, not "we are the": one word must carry meaning.
      if (!phrase.some((w) => w.length >= 5 && !COMMON.has(w.toLowerCase()))) return null;
      return `who said "${phrase.join(' ')}"?`;
    });
  }
  return out;
}

/** The p-th percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
