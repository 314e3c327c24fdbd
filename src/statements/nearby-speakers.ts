import type { ParagraphAnalysis, SentenceAnalysis } from './analyse-article.js';
import type { ArticleResolver } from './article-resolver.js';
import type { QuoteSpan } from './find-quotes.js';
import type { Attribution } from './raw-statement.js';
import { parseSpeakerPhrase } from './speaker-phrase.js';

/*
 * Speakers named next to a quotation without a verb of saying of their own: a pull quote's
 * signature, "according to X", "led X to say", "X, who said:".
 */

/** The name signing a pull quote: "“…” - Matthew Ingram", "“…” — Sadiq Khan, Mayor of London". */
export function signatureAfter(body: string, p: ParagraphAnalysis, q: QuoteSpan, resolver: ArticleResolver): Attribution | null {
  return signer(body.slice(q.end, p.span.end), q.end, resolver);
}

/**
 * Who a signature line names ("- Matthew Ingram", "– European Court of Justice, Luxembourg"), resolved;
 * null when the text is no signature or names nobody known.
 */
function signer(text: string, at: number, resolver: ArticleResolver): Attribution | null {
  const m = /^\s*[-–—]\s*([^\n]{3,100})$/u.exec(text);
  if (!m) return null;
  const name = m[1]!.split(',')[0]!.trim();
  let phrase = parseSpeakerPhrase(name);
  // A capitalised name with a title word in it is a body's: "European Court of Justice".
  if (phrase?.type === 'role' && /^\p{Lu}[\p{L}-]*(?:\s+(?:of|for|and|the|\p{Lu}[\p{L}-]*))+$/u.test(name)) phrase = { type: 'organisation', text: name, name, definite: false };
  if (phrase?.type !== 'person' && phrase?.type !== 'organisation') return null;
  const speaker = resolver.resolve(phrase, at);
  return speaker ? { speaker, cue: m[0].trim() } : null;
}

/** "According to X, “…”": the speaker a sentence opens with for the quotation that follows. */
export function accordingBefore(body: string, s: SentenceAnalysis, q: QuoteSpan, resolver: ArticleResolver): Attribution | null {
  const lead = /(?:^|,\s*)[Aa]ccording to ([^,;.“”"]{2,100}?),\s*$/u.exec(body.slice(s.span.start, q.open));
  if (!lead) return null;
  const phrase = parseSpeakerPhrase(lead[1]!);
  const speaker = phrase && phrase.type !== 'pronoun' ? resolver.resolve(phrase, s.span.start + lead.index) : null;
  return speaker ? { speaker, cue: `according to ${lead[1]}` } : null;
}

const PROMPTED = /\b(?:led|prompted|forced|caused|moved|pushed|inspired|asked|invited|urged|compelled|pressed)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s+to\s+(?:say|express|declare|add|write|tweet|state|admit|tell|ask|call|explain|apologi[sz]e|insist|warn|concede|respond|reply)(?![\p{L}])[^,;.“”"]{0,40}?,?\s*$/u;

const WHO_SAID = /((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)(?:,\s+[^,;:“”"]{1,40})?,\s+who\s+(?:\p{Ll}+ly\s+)?(?:said|says|told|added|explained|cited|described|recalled|wrote|noted|argued|warned|remarked|commented|stated|declared)(?![\p{L}])[^;.“”"]{0,80}[:,]\s*$/u;

/** "citing the Chuck Jones quote that “…”": words a sentence gives as someone's saying. */
const AUTHOR_QUOTE = /\b(?:the|a|an)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s+(?:quote|quotation|line|maxim|adage|dictum|motto)\s*(?:that\s*)?[,:]?\s*$/u;

/** "… documents, which President Trump described as “Obamagate.”": a relative clause whose subject names the thing in quotes. */
const RELATIVE_NAMER = /\b(?:which|that|what|whom)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s+(?:has\s+|had\s+|later\s+|once\s+)?(?:called|described\s+as|dubbed|termed|labell?ed|branded|referred\s+to\s+as|denounced\s+as|condemned\s+as)\s*$/u;

/**
 * The person named just before a quotation by a phrase that makes them its speaker: "Backlash …
 * led Biden to express “…”" (the one prompted to speak), "tour manager Thomas Gray, 24, who cited
 * only his experience with rugby: “…”" (the one a "who" clause is about), "which President Trump
 * described as “…”" (who named a thing).
 */
export function personBefore(body: string, s: SentenceAnalysis, q: QuoteSpan, resolver: ArticleResolver): Attribution | null {
  const lead = body.slice(s.span.start, q.open);
  for (const pattern of [PROMPTED, WHO_SAID, RELATIVE_NAMER]) {
    const m = pattern.exec(lead);
    if (!m) continue;
    const phrase = parseSpeakerPhrase(m[1]!);
    const speaker = phrase?.type === 'person' ? resolver.resolve(phrase, s.span.start + m.index) : null;
    if (speaker) return { speaker, cue: m[0].trim() };
  }
  return null;
}

/**
 * The author of a saying that someone else cites: "citing the Chuck Jones quote that “…”". The
 * words are the author's, but the author is not speaking in the article: what follows is not theirs.
 */
export function citedAuthorBefore(body: string, s: SentenceAnalysis, q: QuoteSpan, resolver: ArticleResolver): Attribution | null {
  const m = AUTHOR_QUOTE.exec(body.slice(s.span.start, q.open));
  const phrase = m ? parseSpeakerPhrase(m[1]!) : null;
  const speaker = phrase?.type === 'person' ? resolver.resolve(phrase, s.span.start + m!.index) : null;
  return speaker ? { speaker, cue: m![0].trim() } : null;
}

/** "For Kevin Allton, a USI instructor in English, Warhol was a legend.": the person whose view a sentence gives. */
const VIEWPOINT = /^(?:For|To)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)(?:,\s+[^,;:“”"]{1,60})?,\s+/u;

/** The person a sentence opens by giving the view of, resolved; null when it opens otherwise. */
export function viewpointOf(body: string, s: SentenceAnalysis, resolver: ArticleResolver): { key: string; at: number } | null {
  const m = VIEWPOINT.exec(body.slice(s.span.start, s.span.end));
  const phrase = m ? parseSpeakerPhrase(m[1]!) : null;
  if (phrase?.type !== 'person' || !phrase.name.includes(' ')) return null;
  const key = resolver.resolve(phrase, s.span.start);
  return key ? { key, at: s.span.start } : null;
}

/**
 * An indented block without quotation marks, signed on the next line: "  By today’s judgment, the
 * Court of Justice answers …" then "  – European Court of Justice" (a quotation box). Only an
 * indented block counts: a signature after a plain paragraph may sign a box the page lost.
 */
export function signedBlock(body: string, p: ParagraphAnalysis, next: ParagraphAnalysis, resolver: ArticleResolver): Attribution | null {
  if (p.quotes.length > 0 || !/[ \t\u00a0]/u.test(body[p.span.start - 1] ?? '\n')) return null;
  return signer(body.slice(next.span.start, next.span.end), next.span.start, resolver);
}

/** A law cited by its number, then what it says: "17 U.S. Code § 1201 … which says “…”", "Section 230 of the Communications Decency Act, which states". */
const STATUTE_SAYS = /((?:\d+\s+U\.?\s?S\.?\s?(?:C\.?|Code)\s*§{1,2}\s*\d+[\p{L}\d-]*)|(?:Section|Article|Clause|Rule|Paragraph)\s+\d+[\p{L}\d()-]*\s+of\s+the\s+(?:\p{Lu}[\p{L}-]*\s+){0,6}(?:Act|Code|Constitution|Convention|Treaty|Regulation|Directive|Charter))(?:\s+[^,;.“”"]{0,80}?)?,?\s+which\s+(?:says|states|reads|provides|stipulates)\s*(?:that\s*)?[,:]?\s*$/u;

/** The law a quotation is cited from, by its number, as the body that "says" it; null otherwise. */
export function statuteBefore(body: string, s: SentenceAnalysis, q: QuoteSpan, resolver: ArticleResolver): Attribution | null {
  const m = STATUTE_SAYS.exec(body.slice(s.span.start, q.open));
  if (!m) return null;
  const name = m[1]!.replace(/\s+/g, ' ');
  const speaker = resolver.resolve({ type: 'organisation', text: name, name, definite: false }, s.span.start + m.index);
  return speaker ? { speaker, cue: m[0].trim() } : null;
}
