import type { Article } from '../corpus/article.js';
import type { ArticleAnalysis, ParagraphAnalysis, SentenceAnalysis } from './analyse-article.js';
import type { Cue } from './find-cues.js';
import type { QuoteSpan } from './find-quotes.js';
import type { Span } from './segment.js';
import type { SpeakerPhrase } from './speaker-phrase.js';

/**
 * Analyses flattened into one array of plain values, to pass between threads. Copying the nested
 * objects themselves costs as much as a third of the analysis; a flat array copies in a fraction
 * of that, and decoding rebuilds the objects in the shapes the analysis creates them with.
 */
export interface EncodedAnalyses {
  count: number;
  values: Array<string | number | boolean | null>;
}

type Values = EncodedAnalyses['values'];

/** Flattens analyses (their articles left out: the receiver has them). */
export function encodeAnalyses(analyses: Array<Omit<ArticleAnalysis, 'article'>>): EncodedAnalyses {
  const out: Values = [];
  for (const a of analyses) {
    out.push(a.paragraphs.length);
    for (const p of a.paragraphs) writeParagraph(out, p);
    out.push(a.mentions.length);
    for (const m of a.mentions) {
      writePhrase(out, m.phrase);
      out.push(m.at);
    }
    out.push(a.organisations.length);
    for (const o of a.organisations) out.push(o.name, o.at);
    out.push(a.acronyms.size);
    for (const [acronym, name] of a.acronyms) out.push(acronym, name);
    out.push(a.people.length);
    for (const m of a.people) out.push(m.at, m.surname);
    out.push(a.givenNames.size);
    for (const [surname, given] of a.givenNames) out.push(surname, given.size, ...given);
  }
  return { count: analyses.length, values: out };
}

/** Rebuilds the analyses of `articles` (in the order they were encoded) from `encodeAnalyses`' output. */
export function decodeAnalyses(encoded: EncodedAnalyses, articles: Article[]): ArticleAnalysis[] {
  const r = { values: encoded.values, at: 0 };
  const out: ArticleAnalysis[] = [];
  for (let i = 0; i < encoded.count; i++) {
    const paragraphs = repeat(r, () => readParagraph(r));
    const mentions = repeat(r, () => ({ phrase: readPhrase(r) as Extract<SpeakerPhrase, { type: 'person' }>, at: num(r) }));
    const organisations = repeat(r, () => ({ name: str(r), at: num(r) }));
    const acronyms = new Map<string, string>();
    for (let n = num(r); n > 0; n--) acronyms.set(str(r), str(r));
    const people = repeat(r, () => ({ at: num(r), surname: str(r) }));
    const givenNames = new Map<string, Set<string>>();
    for (let n = num(r); n > 0; n--) givenNames.set(str(r), new Set(repeat(r, () => str(r))));
    out.push({ article: articles[i]!, paragraphs, mentions, organisations, acronyms, people, givenNames });
  }
  return out;
}

interface Reader {
  values: Values;
  at: number;
}

const num = (r: Reader): number => r.values[r.at++] as number;
const str = (r: Reader): string => r.values[r.at++] as string;
const bool = (r: Reader): boolean => r.values[r.at++] as boolean;
const numOrNull = (r: Reader): number | null => r.values[r.at++] as number | null;
const strOrNull = (r: Reader): string | null => r.values[r.at++] as string | null;

/** Reads a count, then that many items. */
function repeat<T>(r: Reader, read: () => T): T[] {
  const n = num(r);
  const out: T[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = read();
  return out;
}

const writeSpan = (out: Values, s: Span): void => void out.push(s.start, s.end);
const readSpan = (r: Reader): Span => ({ start: num(r), end: num(r) });

function writeParagraph(out: Values, p: ParagraphAnalysis): void {
  writeSpan(out, p.span);
  out.push(p.quotes.length);
  for (const q of p.quotes) {
    out.push(q.open, q.end);
    writeSpan(out, q.inner);
    out.push(q.closed, q.style);
  }
  out.push(p.sentences.length);
  for (const s of p.sentences) {
    writeSpan(out, s.span);
    // A sentence's quotations are its paragraph's own objects (attribution compares them by identity): sent by index.
    out.push(s.quotes.length);
    for (const q of s.quotes) out.push(p.quotes.indexOf(q));
    out.push(s.cues.length);
    for (const c of s.cues) writeCue(out, c);
    if (s.subject) {
      writePhrase(out, s.subject.phrase);
      writeSpan(out, s.subject.span);
    } else out.push(null);
    out.push(s.speechVerb, s.namesSomeone);
  }
  out.push(p.isHeadline, p.listItemStart);
}

function readParagraph(r: Reader): ParagraphAnalysis {
  const span = readSpan(r);
  const quotes = repeat(r, (): QuoteSpan => ({ open: num(r), end: num(r), inner: readSpan(r), closed: bool(r), style: str(r) as QuoteSpan['style'] }));
  const sentences = repeat(r, (): SentenceAnalysis => {
    const span = readSpan(r);
    const inSentence = repeat(r, () => quotes[num(r)]!);
    const cues = repeat(r, () => readCue(r));
    const phrase = readPhrase(r);
    const subject = phrase ? { phrase, span: readSpan(r) } : null;
    return { span, quotes: inSentence, cues, subject, speechVerb: bool(r), namesSomeone: bool(r) };
  });
  return { span, quotes, sentences, isHeadline: bool(r), listItemStart: numOrNull(r) };
}

function writeCue(out: Values, c: Cue): void {
  out.push(c.verb, c.strength);
  writeSpan(out, c.verbSpan);
  writePhrase(out, c.phrase);
  writeSpan(out, c.phraseSpan);
  out.push(c.order, c.complementStart, c.appositive, c.text);
}

function readCue(r: Reader): Cue {
  return {
    verb: str(r),
    strength: str(r) as Cue['strength'],
    verbSpan: readSpan(r),
    phrase: readPhrase(r)!,
    phraseSpan: readSpan(r),
    order: str(r) as Cue['order'],
    complementStart: numOrNull(r),
    appositive: strOrNull(r),
    text: str(r),
  };
}

function writePhrase(out: Values, p: SpeakerPhrase): void {
  out.push(p.type, p.text);
  switch (p.type) {
    case 'pronoun':
      // Left as it is: a value that is not a boolean cannot be copied, and the article is then analysed again on the main thread.
      out.push(p.plural);
      return;
    case 'person':
      out.push(p.name, p.honorific, p.role);
      return;
    case 'organisation':
      out.push(p.name, p.definite);
      return;
    case 'role':
      out.push(p.role);
      return;
    case 'generic':
      return;
  }
}

/** Reads a phrase, or null where the writer put null instead of one. */
function readPhrase(r: Reader): SpeakerPhrase | null {
  const type = r.values[r.at++] as SpeakerPhrase['type'] | null;
  if (type === null) return null;
  const text = str(r);
  switch (type) {
    case 'pronoun':
      return { type, text, plural: bool(r) };
    case 'person':
      return { type, text, name: str(r), honorific: strOrNull(r), role: strOrNull(r) };
    case 'organisation':
      return { type, text, name: str(r), definite: bool(r) };
    case 'role':
      return { type, text, role: str(r) };
    case 'generic':
      return { type, text };
  }
}
