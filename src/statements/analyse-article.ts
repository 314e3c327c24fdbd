import type { Article } from '../corpus/article.js';
import { findCues, findVerbs, hasSpeechVerb, maskQuotes, type Cue } from './find-cues.js';
import { findQuotes, type QuoteSpan } from './find-quotes.js';
import { segmentParagraphs, splitSentences, type Span } from './segment.js';
import { HONORIFICS, TITLE_WORDS, isPlausibleName, parseSpeakerPhrase, parseSubjectPhrase, type SpeakerPhrase } from './speaker-phrase.js';

/** One sentence with its quotations and speech cues. */
export interface SentenceAnalysis {
  span: Span;
  quotes: QuoteSpan[];
  cues: Cue[];
  /** A verb of saying stands outside the quotations (even if no speaker could be read for it). */
  speechVerb: boolean;
  /** Capitalised words outside quotations and past the first word: names of people or bodies, perhaps. */
  namesSomeone: boolean;
  /** The sentence's grammatical subject when it is a person or body ("Dr Dixon questioned …"). */
  subject: { phrase: SpeakerPhrase; span: Span } | null;
}

/** One paragraph: its sentences, and whether it is a headline or a list item. */
export interface ParagraphAnalysis {
  span: Span;
  quotes: QuoteSpan[];
  sentences: SentenceAnalysis[];
  isHeadline: boolean;
  /** For "1. …" items: where the item's text starts. */
  listItemStart: number | null;
}

/** Everything found in one article before speakers are resolved across the corpus. */
export interface ArticleAnalysis {
  article: Article;
  paragraphs: ParagraphAnalysis[];
  /** People named with a title or role anywhere in the text: "health secretary Andrew Lansley". */
  mentions: Array<{ phrase: Extract<SpeakerPhrase, { type: 'person' }>; at: number }>;
  /** Organisations named in the text, with their position: "NHS Commissioning Board". */
  organisations: Array<{ name: string; at: number }>;
  /** Acronyms defined in the text: "NHS Commissioning Board (NHSCB)". */
  acronyms: Map<string, string>;
}

const normalise = (s: string): string => s.toLowerCase().replace(/[‘’'"“”]/g, '').replace(/\s+/g, ' ').trim();
/** Words with a letter or digit: each run of non-spaces, counted once at its first letter or digit. */
const WORD_RE = /(?<!\S)[^\s\p{L}\p{N}]*[\p{L}\p{N}]/gu;
const wordCount = (s: string): number => s.match(WORD_RE)?.length ?? 0;

function isHeadline(body: string, p: Span, index: number, normalisedTitle: string): boolean {
  const text = body.slice(p.start, p.end);
  if (isTitle(text, normalisedTitle)) return true;
  return index < 3 && wordCount(text) <= 14 && !/[.!?:;,"”’']$/.test(text);
}

/** True when a paragraph normalises to the (normalised) title; most differ at their first letter, which spares them normalising. */
function isTitle(text: string, normalisedTitle: string): boolean {
  const first = /[^\s‘’'"“”]/u.exec(text)?.[0];
  if (first !== undefined && first.toLowerCase()[0] !== normalisedTitle[0]) return false;
  return normalise(text) === normalisedTitle;
}

const MASK = '\u0001';
const TEAM_SUBJECT = /^(?:[Tt]he\s+)?(?!(?:The|A|An|This|That|Our|His|Her|Their|Its)\s)(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+(campaign|administration|camp|team|family|government|presidency)\s+(?=\p{Ll})/u;
const LEAD_CLAUSE = /^(?:(?:In|At|On|During|Speaking|Writing|Addressing|Responding|Meanwhile|However|Also|But|And|Finally|Similarly|Earlier|Later|After|Before|Asked|Nevertheless|Still|Yesterday|Today|With|Without|Following|Amid|Amidst|Despite|Under|For|Throughout|Over|By|From|Through|Upon|Ahead|Unlike|Like|Instead|Moreover|Furthermore|Overall|Elsewhere|Then|Now|Thus|Indeed|Separately|\p{Lu}\p{Ll}+(?:ing|ed|ly)|[Aa]s|[Ww]hen|[Ww]hile|[Ii]f|[Aa]lthough|[Tt]hough|[Bb]ecause|[Ss]ince|[Oo]nce|[Uu]ntil|[Ww]hereas)\b[^,\u0001]{0,160},\s*)/u;
const DOCUMENT_SUBJECT = /^((?:(?:Part|Parts|Much|Some|One|Most|All)\s+of\s+)?)((?:[Tt]he\s+)?\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,5})['’]s?\s+(?:\p{Lu}[\p{L}-]*\s+|take-?down\s+|press\s+|official\s+|written\s+|formal\s+|new\s+|latest\s+){0,3}(?:notice|statement|report|letter|release|filing|complaint|lawsuit|submission|tweet|post|announcement|website|blog|memo|document|order|ruling|judgment|judgement)\s+(?=\p{Ll})/u;

const RELATIVE_LEAD = /^(?:which|where|who|when)\b[^,\u0001]{0,160},\s*/u;

const TIME_LEAD = /^(?:(?:The|That)\s+(?:next|following|same|previous)\s+(?:day|week|morning|afternoon|evening|night|month|year)|(?:On|Last|Next|This)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:Last|This|Earlier|Later)\s+(?:week|month|year|morning|afternoon|evening))\s+(?:(?:on|in|at)\s+\p{Lu}[\p{L}-]+\s+)?(?=\p{Lu}|the\s+\p{Lu})/u;

const FINITE_VERB = /(?<![\p{L}'’-])(?:was|is|were|are|has|had|have|will|would|did|does|do)(?![\p{L}'’-])/u;

/** Finds the sentence's subject: the longest opening phrase that names someone and is followed by a verb. */
function findSubject(body: string, sentence: Span, masked: string): SentenceAnalysis['subject'] {
  let offset = 0;
  // Opening clauses, one after another: "In one exchange, as Pence attempted to interrupt, Harris exclaimed".
  for (let i = 0; i < 3; i++) {
    // "In Ohio, which was planning to hold its primary on Tuesday, Governor Mike DeWine postponed it": a relative clause on the opening one.
    const clause = LEAD_CLAUSE.exec(masked.slice(offset)) ?? (i > 0 ? RELATIVE_LEAD.exec(masked.slice(offset)) : null);
    if (!clause) break;
    offset += clause[0].length;
  }
  // "The next day on Twitter West accused …": a time, then perhaps a place, opens the sentence without a comma.
  const when = TIME_LEAD.exec(masked.slice(offset));
  if (when) offset += when[0].length;
  const rest = masked.slice(offset);
  // "The Trump campaign described …": a campaign or an administration speaks as a body, not as its leader.
  const head = rest.slice(0, 90);
  const team = /campaign|administration|camp|team|family|government|presidency/.test(head) ? TEAM_SUBJECT.exec(rest) : null;
  if (team) {
    const name = `${team[1]!} ${team[2]!}`;
    return { phrase: { type: 'organisation', text: team[0].trim(), name, definite: /^the\s/i.test(team[0]) }, span: { start: sentence.start + offset, end: sentence.start + offset + team[0].trimEnd().length } };
  }
  // "RIAA's DMCA notice alleged …", "Facebook's statement read …": a body's document speaks for the body.
  const owner = head.includes("'s") || head.includes('’s') || head.includes("s' ") ? DOCUMENT_SUBJECT.exec(rest) : null;
  if (owner) {
    // "Part of Trump's tweet included …": the part is the owner's too.
    const phrase = parseSubjectPhrase(owner[2]!);
    const at = sentence.start + offset + owner[1]!.length;
    if (phrase && phrase.type !== 'pronoun') return { phrase, span: { start: at, end: at + owner[2]!.length } };
  }
  // Only the first twelve words can matter: no need to split the whole sentence.
  const tokens: RegExpExecArray[] = [];
  const word = /\S+/g;
  for (let m = word.exec(rest); m && tokens.length < 12; m = word.exec(rest)) tokens.push(m);
  const found = subjectAmong(rest, tokens, 1, 8, sentence.start + offset);
  if (found !== undefined) return found;
  // Past nine words only a body's long name: "the United States Commission on International Religious Freedom (USCIRF) also criticized".
  const long = subjectAmong(rest, tokens, 9, 11, sentence.start + offset);
  return long?.phrase.type === 'organisation' ? long : null;
}

/** The subject ending before one of `tokens[from..to]`, longest first; null when one is found to be nobody, undefined when none is. */
function subjectAmong(rest: string, tokens: RegExpExecArray[], from: number, to: number, at: number): SentenceAnalysis['subject'] | undefined {
  for (let n = Math.min(to, tokens.length - 1); n >= from; n--) {
    const next = tokens[n]!;
    if (!/^\p{Ll}/u.test(next[0]) || /^(?:of|and|for|the|in|at|on)$/.test(next[0])) continue;
    let end = tokens[n - 1]!.index + tokens[n - 1]![0].length;
    // "… Religious Freedom (USCIRF) also criticized": the acronym is no part of the name.
    const acronym = /\s+\(\p{Lu}{2,8}\)$/u.exec(rest.slice(0, end));
    if (acronym && n > 1) end -= acronym[0].length;
    // A subject holds no finite verb: "she was directing six of the House's" is "she", then a verb.
    if (n > 1 && FINITE_VERB.test(rest.slice(tokens[1]!.index, end))) continue;
    // A person before a comma is the subject, what follows an apposition: "U.S. Senator John Cornyn, Republican
    // from Texas, issued"; a role before it is not: "Another voice actor, Lauren Landa, would list".
    const comma = rest.slice(0, end).search(/,./);
    if (comma > 0) {
      const head = parseSubjectPhrase(rest.slice(0, comma));
      if (head?.type === 'person' && (head.name.includes(' ') || head.honorific)) return { phrase: head, span: { start: at, end: at + comma } };
    }
    const phrase = parseSubjectPhrase(rest.slice(0, end));
    // "Hale and Reed spoke": two people are no one subject a later "he" could mean.
    if (phrase?.type === 'person' && phrase.role && /(?:^|\s)(?:and|&)$/.test(phrase.role)) return null;
    // Words inside a quotation are masked: a phrase made of them is nobody.
    if (phrase && !phrase.text.includes(MASK)) return { phrase, span: { start: at, end: at + end } };
  }
  return undefined;
}

/** True when an acronym can stand for a name: "NHSCB" for "NHS Commissioning Board", not "UNESCO" for "Scientific … Organization". */
export function acronymFits(acronym: string, name: string): boolean {
  const initials = name.split(/\s+/).map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : /^\p{Lu}/u.test(w) ? w[0]! : '')).join('');
  if (initials[0] !== acronym[0]) return false;
  let i = 0;
  for (const ch of initials) if (ch === acronym[i]) i++;
  // A translated name may miss one letter of its acronym: "Federal Security Service (FSB)".
  return i >= acronym.length - (acronym.length >= 3 ? 1 : 0);
}

/** True when the words outside quotations, past the first, include a plausible name ("with Zinichev describing"). */
function namesSomeone(masked: string): boolean {
  const words = masked.split(/[\s,;:()\u0001—–]+/).filter(Boolean).slice(1);
  return words.some((w) => /^\p{Lu}/u.test(w) && isPlausibleName(w.replace(/['’]s$|[.!?]$/g, '')));
}

const MENTION_RE = new RegExp(
  `(?:\\b(?:${[...HONORIFICS].filter((h) => !h.endsWith('.')).map((h) => h[0]!.toUpperCase() + h.slice(1)).join('|')})\\.?|\\b(?:${[...TITLE_WORDS].join('|')}))\\s+((?:\\p{Lu}[\\p{Ll}\\p{M}'’-]+\\s+){0,3}\\p{Lu}[\\p{Ll}\\p{M}'’-]+(?:\\p{Lu}[\\p{Ll}\\p{M}'’-]+)?)`,
  'gu',
);
const ORG_RUN_RE = /\b(?:(?:\p{Lu}[\p{L}\p{M}&'’-]*|of|for|and)\s+){0,5}(?:Board|Alliance|Association|Confederation|Committee|Commission|Council|Department|Ministry|Government|Party|Union|Institute|University|Service|Agency|Trust|Federation|Foundation|Authority|Society|Commissioners|Organisation|Organization|Office|Police|Court|Parliament|Forum|Network|Bank|Company|Corporation|Municipality)(?:\s+of(?:\s+\p{Lu}[\p{L}\p{M}-]*)+)?\b/gu;

/** An acronym in brackets right after a name: "(NHSCB)". Sticky, so it is tried only where the name ends. */
const ACRONYM_AFTER = /\s*\(([\p{Lu}]{2,8})\)/uy;

/** Analyses one article: paragraphs, sentences, quotations, cues, and the names it mentions. */
export function analyseArticle(article: Article): ArticleAnalysis {
  const { body } = article;
  const title = normalise(article.title);
  const paragraphs: ParagraphAnalysis[] = segmentParagraphs(body).map((span, index) => {
    const quotes = findQuotes(body, span);
    const sentences = splitSentences(body, span, quotes.map((q) => ({ start: q.open, end: q.end }))).map((s) => {
      const inSentence = quotes.filter((q) => q.open >= s.start && q.open < s.end);
      const masked = maskQuotes(body, s, inSentence);
      const verbs = findVerbs(masked);
      const subject = findSubject(body, s, masked);
      return {
        span: s,
        quotes: inSentence,
        cues: findCues(body, s, inSentence, masked, verbs, subject),
        subject,
        speechVerb: hasSpeechVerb(verbs),
        namesSomeone: namesSomeone(masked),
      };
    });
    const item = /^(?:\(?\d{1,2}[.)]|[•*·–-])\s+/.exec(body.slice(span.start, span.end));
    return { span, quotes, sentences, isHeadline: isHeadline(body, span, index, title), listItemStart: item ? span.start + item[0].length : null };
  });
  const mentions: ArticleAnalysis['mentions'] = [];
  for (const m of body.matchAll(MENTION_RE)) {
    const phrase = parseSpeakerPhrase(m[0]);
    if (phrase?.type === 'person' && phrase.name.includes(' ')) mentions.push({ phrase, at: m.index! });
  }
  for (const p of paragraphs) for (const s of p.sentences) {
    for (const c of s.cues) if (c.phrase.type === 'person') mentions.push({ phrase: c.phrase, at: c.phraseSpan.start });
    if (s.subject?.phrase.type === 'person') mentions.push({ phrase: s.subject.phrase, at: s.subject.span.start });
  }
  mentions.sort((a, b) => a.at - b.at);
  const organisations: ArticleAnalysis['organisations'] = [];
  const acronyms = new Map<string, string>();
  for (const m of body.matchAll(ORG_RUN_RE)) {
    const name = m[0].replace(/^(?:The|A|An|And|Of|For)\s+/, '').replace(/^(?:of|for|and)\s+/, '').trim();
    if (!/^\p{Lu}/u.test(name)) continue;
    organisations.push({ name, at: m.index! });
    ACRONYM_AFTER.lastIndex = m.index! + m[0].length;
    const acr = ACRONYM_AFTER.exec(body);
    if (acr && acronymFits(acr[1]!, name)) acronyms.set(acr[1]!, name);
  }
  for (const m of body.matchAll(/\b(\p{Lu}[\p{L}]+(?:\s+(?:\p{Lu}[\p{L}]+|of|and|for))+)\s+\((\p{Lu}{2,8})\)/gu)) {
    if (!acronyms.has(m[2]!) && acronymFits(m[2]!, m[1]!)) acronyms.set(m[2]!, m[1]!);
  }
  for (const m of body.matchAll(/\b\p{Lu}{2,}[\p{Lu}]*\b/gu)) {
    if (acronyms.has(m[0]) || /^(?:NHS|GP|GPs|UK|US)$/.test(m[0])) organisations.push({ name: m[0], at: m.index! });
  }
  organisations.sort((a, b) => a.at - b.at);
  return { article, paragraphs, mentions, organisations, acronyms };
}

export { wordCount, normalise };
