import type { PersonMention } from './find-people.js';
import type { Span } from './segment.js';

export type Gender = 'm' | 'f';

/** Someone a sentence is about: its subject, or a speaker a cue names. `key` null when unresolved. */
interface SubjectEvent {
  key: string | null;
  surname: string | null;
  at: number;
  sentence: number;
}

const MALE = /(?<![\p{L}'’-])(?:he|his|him|himself)(?![\p{L}'’-])/giu;
const FEMALE = /(?<![\p{L}'’-])(?:she|her|hers|herself)(?![\p{L}'’-])/giu;
const MALE_WORDS = /\b(?:mr|mr\.|sir|lord|husband|father|son|brother|king|prince|spokesman|chairman|congressman|assemblyman|councilman|businessman|uncle|grandfather|boyfriend|nephew)\b/i;
const FEMALE_WORDS = /\b(?:ms|ms\.|mrs|mrs\.|miss|dame|lady|baroness|wife|mother|daughter|sister|queen|princess|spokeswoman|chairwoman|congresswoman|assemblywoman|councilwoman|businesswoman|actress|aunt|grandmother|girlfriend|niece)\b/i;
/** How many sentences back a pronoun may reach for its antecedent. */
const REACH = 3;

/**
 * Finds who "he" or "she" refers to in one article, as a careful reader does: the latest subject
 * of a sentence (or named speaker) of the pronoun's gender, within a few sentences. People named
 * only as objects in that subject's sentence do not compete ("Moreau said the trust had warned
 * Ellis. … she told reporters"); another person of the same or an unknown gender named after it,
 * or a subject nobody could resolve, leaves the pronoun unresolved.
 */
export class PronounTracker {
  private readonly events: SubjectEvent[] = [];
  private readonly votes = new Map<string, { m: number; f: number }>();
  private sentence = -1;
  private sentenceSpan: Span = { start: 0, end: 0 };
  private readonly sentenceStarts: number[] = [];

  constructor(
    private readonly mentions: () => PersonMention[],
    private readonly surnameOf: (key: string) => string,
  ) {}

  /** Moves to the next sentence of the article. */
  startSentence(span: Span): void {
    this.sentence++;
    this.sentenceSpan = span;
    this.sentenceStarts.push(span.start);
  }

  /** Records who a sentence is about at `at`; null `key` for a person no one could resolve. */
  noteSubject(key: string | null, at: number): void {
    this.events.push({ key, surname: key ? this.surnameOf(key) : null, at, sentence: this.sentence });
  }

  /** Records what the text shows of a person's gender: a title or role word, or pronouns in their sentence. */
  noteGender(key: string, text: string, weight = 1): void {
    const m = (text.match(MALE)?.length ?? 0) + (MALE_WORDS.test(text) ? 2 : 0);
    const f = (text.match(FEMALE)?.length ?? 0) + (FEMALE_WORDS.test(text) ? 2 : 0);
    if (m === f || (m && f)) return;
    const v = this.votes.get(key) ?? { m: 0, f: 0 };
    if (m) v.m += weight;
    else v.f += weight;
    this.votes.set(key, v);
  }

  genderOf(key: string): Gender | null {
    const v = this.votes.get(key);
    if (!v || v.m === v.f) return null;
    if (v.m && v.f) return v.m >= 3 * v.f ? 'm' : v.f >= 3 * v.m ? 'f' : null;
    return v.m ? 'm' : 'f';
  }

  /** The person "he" (`m`) or "she" (`f`) at `at` refers to, or null when unsure. */
  resolve(gender: Gender, at: number): string | null {
    const oldest = this.sentence - REACH;
    let chosen: SubjectEvent | null = null;
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i]!;
      if (e.at >= at) continue;
      if (e.sentence < oldest) break;
      if (!e.key) return null;
      const g = this.genderOf(e.key);
      if (g === null || g === gender) {
        chosen = e;
        break;
      }
      // A subject of the other gender is passed over: "Smith (he) … Jones said. She added".
    }
    if (!chosen) return null;
    // Someone else who could be meant, named after the antecedent's sentence: unresolved.
    const from = this.sentenceEnd(chosen.sentence);
    for (const m of this.mentions()) {
      if (m.at < from || m.at >= at || m.surname === chosen.surname) continue;
      const other = this.events.find((e) => e.surname === m.surname && e.key);
      const g = other?.key ? this.genderOf(other.key) : null;
      if (g === null || g === gender) return null;
    }
    return chosen.key;
  }

  /** Where the sentence with index `n` ends: the next sentence's start, or the current one's end. */
  private sentenceEnd(n: number): number {
    return this.sentenceStarts[n + 1] ?? this.sentenceSpan.end;
  }
}
