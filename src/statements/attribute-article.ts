import { normalise, wordCount, type ArticleAnalysis, type ParagraphAnalysis, type SentenceAnalysis } from './analyse-article.js';
import { ArticleResolver } from './article-resolver.js';
import { cueText, endsSentence } from './cue-position.js';
import { maskQuotes, type Cue } from './find-cues.js';
import type { QuoteSpan } from './find-quotes.js';
import { FIRST_PERSON, clausePronoun, findClauseVerb, hasInnerSpeaker, isLabel, speaksNext } from './partial-quotes.js';
import type { Attribution, RawStatement } from './raw-statement.js';
import { accordingBefore, citedAuthorBefore, personBefore, signatureAfter, signedBlock, statuteBefore, viewpointOf } from './nearby-speakers.js';
import { detectListIntro, reportedSpeech } from './reported-speech.js';
import { splitSentences, trimSpan, type Span } from './segment.js';
import { parseSpeakerPhrase, type SpeakerPhrase } from './speaker-phrase.js';
import type { SpeakerRegistry } from './speaker-registry.js';

export type { RawStatement };

const PUNCTUATION_ONLY = /^[\s,.!?;:—–\-…]*$/u;
/** Words before a quote that make it a name for something rather than speech: "creating a “single digital record”". */
const NAMING_BEFORE = /(?:\b(?:a|an|the|this|that|its|their|his|her|our|so-called|called|named|dubbed|titled|entitled|term|phrase|slogan|motto|label|known as|creating|create)\s*)$/i;

/** Attributes the quotations and reported speech of one article. */
export function attributeArticle(analysis: ArticleAnalysis, registry: SpeakerRegistry): RawStatement[] {
  const { body } = analysis.article;
  const resolver = new ArticleResolver(analysis, registry);
  const out: RawStatement[] = [];
  let previous: Attribution | null = null;
  let openQuote: Attribution | null = null;
  let listIntro: Attribution | null = null;
  const speakersHere = new Set<string>();
  for (const p of analysis.paragraphs) for (const s of p.sentences) for (const c of s.cues) {
    if (c.phrase.type === 'person' || c.phrase.type === 'organisation') {
      const key = resolver.resolve(c.phrase, c.phraseSpan.start);
      if (key) speakersHere.add(key);
    }
  }

  const emitDirect = (q: QuoteSpan, who: Attribution): void => {
    // One statement a sentence, so an answer shows the sentence that matches, still an exact span.
    const sentences = splitSentences(body, q.inner, []);
    // A quotation of one word is kept whole ("lousy"); a one-word sentence of a longer one ("Assured.") is not a statement.
    const least = who.speaker && sentences.length === 1 ? 1 : 2;
    for (const s of sentences) {
      const span = trimSpan(body, s);
      if (wordCount(body.slice(span.start, span.end)) >= least) out.push({ ...span, kind: 'direct', ...who, quotation: trimSpan(body, q.inner) });
    }
  };

  analysis.paragraphs.forEach((p: ParagraphAnalysis, index) => {
    if (p.isHeadline) {
      previous = null;
      openQuote = null;
      return;
    }
    const next = analysis.paragraphs[index + 1];
    const block = next ? signedBlock(body, p, next, resolver) : null;
    if (block) {
      emitDirect({ open: p.span.start, end: p.span.end, inner: p.span, closed: true, style: 'double' }, block);
      previous = null;
      openQuote = null;
      return;
    }
    if (listIntro && p.listItemStart !== null) {
      const span = trimSpan(body, { start: p.listItemStart, end: p.span.end });
      if (wordCount(body.slice(span.start, span.end)) >= 3) out.push({ ...span, kind: 'indirect', ...listIntro });
      return;
    }
    listIntro = detectListIntro(body, p, resolver);
    let inParagraph: Attribution | null = null;
    /** The person the previous sentence of this paragraph is about, when nobody else has spoken since. */
    let about: Attribution | null = null;
    const carried = openQuote;
    openQuote = null;

    for (const s of p.sentences) {
      resolver.pronouns.startSentence(s.span);
      const subject = s.subject ? resolver.resolve(s.subject.phrase, s.subject.span.start, null, speaksNext(body.slice(s.subject.span.end, s.span.end))) : null;
      // A capitalised first word the article never uses as a name elsewhere ("More consequential, he told …") is nobody.
      const subjectNoted = s.subject !== null && isAboutPerson(s.subject.phrase) && (subject !== null || mayBeName(s.subject.phrase, resolver));
      if (s.subject && subjectNoted) {
        resolver.pronouns.noteSubject(subject, s.subject.span.start);
        if (subject && s.subject.phrase.type === 'person') notePronounsAfter(body, s, subject, resolver);
      }
      // "For Kevin Allton, …, Warhol was also a legend. He said, …": the one whose view it is, not the subject, speaks next.
      const viewer = viewpointOf(body, s, resolver);
      if (viewer) resolver.pronouns.noteSubject(viewer.key, viewer.at);
      const cueSpeaker = new Map<Cue, string | null>();
      let lastResolved: string | null = subject;
      for (const c of s.cues) {
        const key = resolver.resolve(c.phrase, c.phraseSpan.start, lastResolved ?? subject, c.strength === 'speech');
        cueSpeaker.set(c, key);
        if (key) lastResolved = key;
        if (isAboutPerson(c.phrase) && !(subjectNoted && c.phraseSpan.start === s.subject!.span.start)) resolver.pronouns.noteSubject(key, c.phraseSpan.start);
      }
      if (s.subject && subject && (s.subject.phrase.type === 'person' || s.subject.phrase.type === 'organisation')) resolver.focus(subject, s.span.end);
      // A sentence about someone who speaks elsewhere in the article is not a continuation of another's words.
      const otherSubject = s.subject?.phrase.type === 'person' || (subject !== null && speakersHere.has(subject));

      /** The sentence with its quotations masked, made on first need. */
      let masked: string | null = null;
      /** Short quotes after "her" or "his", and who spoke in this sentence: "her “passion” for the hobby “stemmed through my love …”". */
      const possessive: QuoteSpan[] = [];
      const spokeHere = new Set<string>();
      for (const q of s.quotes) {
        const inner = body.slice(q.inner.start, q.inner.end);
        const words = wordCount(inner);
        if (words < 1) continue;
        const cue = findQuoteCue(body, s, q);
        let who: Attribution | null = null;
        if (cue) {
          who = { speaker: cueSpeaker.get(cue) ?? null, cue: cueText(body, s, cue) };
          // "… due to his comments at the rally": a noun read as a verb names nobody; the clause may still say whose words they are.
          if (!who.speaker && wordCount(inner) < 6) {
            if (cue.phrase.type !== 'generic') continue;
            who = null;
          }
        } else if (q.open === p.span.start && carried) {
          who = continuing(carried, 'the quotation from the previous paragraph');
        } else if (isWholeSentence(body, s, q)) {
          if (inParagraph) who = continuing(inParagraph, 'the paragraph');
          else if (q.open === p.span.start && previous) who = continuing(previous, 'the previous paragraph');
          else if (wordCount(inner) >= 6) who = { speaker: null, cue: null };
        } else if (s.speechVerb) {
          // Someone speaks here whom the cue does not name clearly ("A source within the ministry reportedly said"):
          // the words are theirs, not the previous speaker's.
          who = wordCount(inner) >= 6 ? { speaker: null, cue: null } : null;
        } else if (!otherSubject && !s.namesSomeone && !inParentheses(body, s, q) && wordCount(inner) >= 3 && (inParagraph ?? previous)) {
          who = inParagraph ? continuing(inParagraph, 'the paragraph') : continuing(previous!, 'the previous paragraph');
        }
        if (!who?.speaker && isWholeParagraph(body, p, q)) {
          // A pull quote: "“So far, it's the Internet: 1, Scientology: 0.” - Matthew Ingram".
          const signed = signatureAfter(body, p, q, resolver);
          if (signed) who = signed;
        }
        let cited = false;
        if (!who?.speaker) {
          // "According to Rutgers University political scholar Kelly Dittmar, “…”".
          const according = accordingBefore(body, s, q, resolver) ?? personBefore(body, s, q, resolver) ?? statuteBefore(body, s, q, resolver);
          const author = according ? null : citedAuthorBefore(body, s, q, resolver);
          if (according ?? author) who = according ?? author;
          cited = author !== null;
        }
        if (!who?.speaker && !cue && about && opensSentence(body, s, q) && FIRST_PERSON.test(inner)) {
          // "Underwhelmed with her role, she left the series. “This is not what I wanted …”": first-person
          // words right after a sentence about one person, with no one else speaking, are that person's.
          who = continuing(about, 'the previous sentence');
        }
        if (!who?.speaker && !isWholeSentence(body, s, q) && !inParentheses(body, s, q) && !isLabel(body, s, q)) {
          // A partial quote in the subject's clause of saying: "Watson called the deal “lousy”"; failing that, in a
          // clause with a "he" or "she" of its own: "…, where he tearfully discussed …, screaming “…”".
          masked ??= maskQuotes(body, s.span, s.quotes);
          const verb = subject ? findClauseVerb(body, s, q, masked) : null;
          if (verb) who = { speaker: subject, cue: `${body.slice(s.subject!.span.start, s.subject!.span.end).replace(/,$/, '')} … ${verb}` };
          const clause = verb ? null : clausePronoun(s, q, masked);
          const key = clause ? resolver.pronouns.resolve(clause.gender, clause.span.start) : null;
          const own = key ? findClauseVerb(body, { ...s, subject: { phrase: { type: 'pronoun', text: clause!.text, plural: false }, span: clause!.span } }, q, masked) : null;
          if (own) who = { speaker: key, cue: `${clause!.text} … ${own}` };
        }
        // One word alone is someone's only with a named speaker, and when it is not a label ("the leaked ‘draft’").
        if (!who || (words < 2 && (!who.speaker || isLabel(body, s, q)))) {
          if (words <= 2 && POSSESSIVE_BEFORE.test(body.slice(Math.max(s.span.start, q.open - 8), q.open))) possessive.push(q);
          continue;
        }
        emitDirect(q, who);
        if (who.speaker) spokeHere.add(who.speaker);
        // A saying cited from someone not in the story ("the Chuck Jones quote that …") is no one's turn to speak.
        if (cited) continue;
        if (who.speaker !== about?.speaker) about = null;
        if (!who.speaker) inParagraph = null;
        if (who.speaker) {
          inParagraph = who;
          resolver.focus(who.speaker, s.span.end);
        }
        if (!q.closed && q === p.quotes[p.quotes.length - 1]) openQuote = who;
      }

      // A word or two after "her", in a sentence whose subject speaks in it, are the subject's own: they
      // borrow from the words quoted next ("her “passion” for the hobby “stemmed through my love for Halloween.”").
      if (subject && s.subject?.phrase.type === 'person' && spokeHere.has(subject)) {
        const gender = resolver.pronouns.genderOf(subject);
        const fits = (q: QuoteSpan): boolean => (/her\s*$/.test(body.slice(s.span.start, q.open)) ? gender !== 'm' : gender !== 'f');
        for (const q of possessive.filter(fits)) emitDirect(q, { speaker: subject, cue: `${body.slice(s.subject.span.start, s.subject.span.end)} … ${body.slice(Math.max(s.span.start, q.open - 4), q.open).trim()}` });
      }
      // "Fitness was a big factor, according to Kidston.": whoever a sentence cites is someone a later "he" may mean.
      for (const m of body.slice(s.span.start, s.span.end).matchAll(ACCORDING_TO)) {
        const phrase = parseSpeakerPhrase(m[1]!);
        if (phrase?.type === 'person') resolver.pronouns.noteSubject(resolver.resolve(phrase, s.span.start + m.index!), s.span.start + m.index!);
      }
      for (const st of reportedSpeech(body, s, cueSpeaker, resolver)) {
        out.push(st);
        // "According to Muyembe, …": whoever reports speech is someone a later "he" may mean.
        if (st.speaker && resolver.isPerson(st.speaker)) resolver.pronouns.noteSubject(st.speaker, st.start);
        inParagraph = { speaker: st.speaker, cue: st.cue };
        resolver.focus(st.speaker, s.span.end);
      }
      for (const c of s.cues) if (cueSpeaker.get(c)) resolver.focus(cueSpeaker.get(c)!, s.span.end);
      const person = subject && s.subject && isAboutPerson(s.subject.phrase) ? subject : null;
      if (person) about = { speaker: person, cue: body.slice(s.subject!.span.start, s.subject!.span.end).replace(/,$/, '') };
      else if (s.subject) about = null;
    }
    previous = inParagraph;
  });
  return dedupe(out);
}

const POSSESSIVE_BEFORE = /(?:^|\s)(?:her|his)\s+$/u;
const ACCORDING_TO = /\b[Aa]ccording to ((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)(?=[\s,.;])/gu;

/** True when a quotation fills its paragraph but for a closing signature. */
function isWholeParagraph(body: string, p: ParagraphAnalysis, q: QuoteSpan): boolean {
  return PUNCTUATION_ONLY.test(body.slice(p.span.start, q.open)) && p.quotes.length === 1;
}

/** True unless a phrase is one capitalised word that the article capitalises only at the start of a sentence. */
function mayBeName(phrase: SpeakerPhrase, resolver: ArticleResolver): boolean {
  return phrase.type !== 'person' || phrase.name.includes(' ') || phrase.honorific !== null || phrase.role !== null || resolver.midSentenceWords().has(phrase.name);
}

/** True for words that name or stand for a person: a name, "he", "she" (not "it", "they" or a body). */
function isAboutPerson(phrase: SpeakerPhrase): boolean {
  return phrase.type === 'person' || (phrase.type === 'pronoun' && /^(?:he|she)$/i.test(phrase.text));
}

/** Counts "his" and "her" after a person who is a sentence's subject, when the sentence names no one else. */
function notePronounsAfter(body: string, s: SentenceAnalysis, key: string, resolver: ArticleResolver): void {
  if (!s.subject || s.namesSomeone) return;
  resolver.pronouns.noteGender(key, maskQuotes(body, s.span, s.quotes).slice(s.subject.span.end - s.span.start));
}

/** The cue that governs a quotation: right after it, ending its sentence, or before it in its clause. */
function findQuoteCue(body: string, s: SentenceAnalysis, q: QuoteSpan): Cue | null {
  const words = wordCount(body.slice(q.inner.start, q.inner.end));
  const asides = asidesOf(body, s);
  const outside = (c: Cue): boolean => !asides.some((a) => a.start <= c.verbSpan.start && c.verbSpan.end <= a.end && !(a.start <= q.open && q.end <= a.end));
  const cues = s.cues.filter(outside);
  for (const c of cues) {
    const start = Math.min(c.phraseSpan.start, c.verbSpan.start);
    if (start >= q.end && PUNCTUATION_ONLY.test(body.slice(q.end, start))) return c;
  }
  const final = cues.find((c) => c.strength === 'speech' && c.verbSpan.start >= q.end && endsSentence(body, s, c));
  if (final) return final;
  const before = cues.filter((c) => c.verbSpan.end <= q.open && c.order === 'before' || (c.order === 'after' && c.phraseSpan.end <= q.open));
  const c = before[before.length - 1];
  if (!c) return null;
  if (c.order === 'before' && hasInnerSpeaker(body.slice(c.verbSpan.end, q.open))) return null;
  if (c.strength === 'weak') {
    const lead = body.slice(Math.max(s.span.start, q.open - 40), q.open);
    if (words < 2 || NAMING_BEFORE.test(lead)) return null;
  }
  return c;
}

/**
 * The asides of a sentence outside its quotations: "— which the BBC noted as unusual —", "(as the
 * Times reported)". A cue inside one speaks for the aside, not for a quotation outside it.
 */
function asidesOf(body: string, s: SentenceAnalysis): Span[] {
  const text = body.slice(s.span.start, s.span.end);
  const out: Span[] = [];
  for (const m of text.matchAll(/\s[—–]\s[^—–]{3,200}?\s[—–]\s|\([^()]{3,200}\)/gu)) {
    const span = { start: s.span.start + m.index!, end: s.span.start + m.index! + m[0].length };
    if (!s.quotes.some((q) => q.open < span.end && q.end > span.start)) out.push(span);
  }
  return out;
}

function continuing(from: Attribution, what: string): Attribution {
  const cue = from.cue?.startsWith('continues ') ? from.cue : `continues ${what}${from.cue ? ` (${from.cue})` : ''}`;
  return { speaker: from.speaker, cue };
}

/** True for a quote in brackets, which quotes a document more often than a person: "networks (‘covering …’)". */
function inParentheses(body: string, s: SentenceAnalysis, q: QuoteSpan): boolean {
  return /\(\s*$/.test(body.slice(s.span.start, q.open)) && /^\s*\)/.test(body.slice(q.end, s.span.end));
}

function opensSentence(body: string, s: SentenceAnalysis, q: QuoteSpan): boolean {
  return PUNCTUATION_ONLY.test(body.slice(s.span.start, q.open));
}

function isWholeSentence(body: string, s: SentenceAnalysis, q: QuoteSpan): boolean {
  return PUNCTUATION_ONLY.test(body.slice(s.span.start, q.open)) && PUNCTUATION_ONLY.test(body.slice(q.end, s.span.end).replace(/[”"’']/g, ''));
}

function dedupe(statements: RawStatement[]): RawStatement[] {
  const seen = new Set<string>();
  return statements
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((st) => {
      const k = `${st.start}:${st.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

export { normalise };
