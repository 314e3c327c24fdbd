import type { SentenceAnalysis, ParagraphAnalysis } from './analyse-article.js';
import { wordCount } from './analyse-article.js';
import type { ArticleResolver } from './article-resolver.js';
import type { Cue } from './find-cues.js';
import { trimSpan, type Span } from './segment.js';
import { parseSpeakerPhrase } from './speaker-phrase.js';
import type { Attribution, RawStatement } from './raw-statement.js';
import { cueText, endsSentence } from './cue-position.js';

/** Reported speech: "Dixon said commissioners would need …", "…, he said.", "according to X, …". */
export function reportedSpeech(body: string, s: SentenceAnalysis, cueSpeaker: Map<Cue, string | null>, resolver: ArticleResolver): RawStatement[] {
  const out: RawStatement[] = [];
  const sentenceEnd = trimEnd(body, s.span.start, s.span.end);
  s.cues.forEach((c, i) => {
    const speaker = cueSpeaker.get(c);
    if (!speaker || c.strength !== 'speech') return;
    if (c.order === 'before' && c.complementStart !== null && !endsSentence(body, s, c)) {
      const next = s.cues.slice(i + 1).find((n) => n.verbSpan.start > c.verbSpan.end);
      let end = next ? Math.min(next.phraseSpan.start, next.verbSpan.start) : sentenceEnd;
      const dash = /\s[–—-]\s|;|,\s+(?:reported by|according to|citing)\b/.exec(body.slice(c.complementStart, end));
      if (dash) end = c.complementStart + dash.index;
      const span = trimSpan(body, { start: c.complementStart, end });
      span.end = trimTrailingConnector(body, span);
      pushReported(out, body, s, span, speaker, cueText(body, s, c));
    } else if (endsSentence(body, s, c) && !/^(?:In|At|On|During|After|Before|With|For|From|Speaking|Writing)\b/.test(body.slice(s.span.start, s.span.end))) {
      // "In a DW report last year, Dave Lewis stated:" sets a scene; it reports nothing.
      const start = Math.min(c.phraseSpan.start, c.verbSpan.start);
      pushReported(out, body, s, trimSpan(body, { start: s.span.start, end: start }), speaker, cueText(body, s, c));
    }
  });
  const sentence = body.slice(s.span.start, sentenceEnd);
  const according = /(^|,\s*)[Aa]ccording to ([^,;.]{2,80}?)(,\s*|$)/u.exec(sentence);
  if (according) {
    const phrase = parseSpeakerPhrase(according[2]!);
    const speaker = phrase && phrase.type !== 'pronoun' ? resolver.resolve(phrase, s.span.start + according.index) : null;
    if (speaker) {
      const cue = `according to ${according[2]}`;
      const span = according[1] === ''
        ? { start: s.span.start + according[0].length, end: sentenceEnd }
        : { start: s.span.start, end: s.span.start + according.index };
      pushReported(out, body, s, trimSpan(body, span), speaker, cue);
    }
  }
  return out;
}

function pushReported(out: RawStatement[], body: string, s: SentenceAnalysis, span: Span, speaker: string, cue: string): void {
  const text = body.slice(span.start, span.end);
  if (wordCount(text) < 4 || /^[“"‘'”’:]/.test(text)) return;
  const quoted = s.quotes.filter((q) => q.open >= span.start && q.open < span.end).reduce((n, q) => n + wordCount(body.slice(q.inner.start, q.inner.end)), 0);
  if (quoted * 2 > wordCount(text)) return;
  out.push({ ...span, kind: 'indirect', speaker, cue });
}

export function detectListIntro(body: string, p: ParagraphAnalysis, resolver: ArticleResolver): Attribution | null {
  const text = body.slice(p.span.start, p.span.end);
  const m = /^(.{2,80}?)['’]s\s+(?:[\p{L}-]+\s+){0,8}?(?:are|include|were|is|was)?\s*:$/u.exec(text);
  if (!m) return null;
  const phrase = parseSpeakerPhrase(m[1]!);
  if (!phrase) return null;
  const speaker = resolver.resolve(phrase, p.span.start);
  return speaker ? { speaker, cue: text } : null;
}

function trimEnd(body: string, start: number, end: number): number {
  while (end > start && /[\s.!?]/.test(body[end - 1]!)) end--;
  return end;
}

function trimTrailingConnector(body: string, span: Span): number {
  const m = /[\s,;]+(?:and|but|while|as|or)$/i.exec(body.slice(span.start, span.end));
  return m ? span.start + m.index : span.end;
}
