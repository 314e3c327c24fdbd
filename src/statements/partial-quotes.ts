import type { QuoteSpan } from './find-quotes.js';
import type { SentenceAnalysis } from './analyse-article.js';
import type { Span } from './segment.js';
import { isPlausibleName } from './speaker-phrase.js';

/**
 * Verbs with which a subject puts words of its own into a sentence: "Watson called the deal
 * “lousy”", "Khosla talked of Munk's “countless discoveries”", "Biden criticized the move, arguing
 * Trump was “sowing chaos”". Wider than the verbs of saying: a partial quote in such a clause is
 * the subject's wording.
 */
const CLAUSE_VERBS = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'called', 'calls', 'calling', 'described', 'describes',
  'describing', 'characterized', 'characterised', 'characterizes', 'characterises', 'characterizing', 'characterising',
  'termed', 'terms', 'branded', 'brands', 'labelled', 'labeled', 'labels', 'dubbed', 'dubs', 'accused', 'accuses',
  'accusing', 'criticized', 'criticised', 'criticizes', 'criticises', 'criticizing', 'criticising', 'praised',
  'praises', 'praising', 'hailed', 'hails', 'lauded', 'lauds', 'slammed', 'slams', 'condemned', 'condemns', 'dismissed',
  'dismisses', 'denounced', 'denounces', 'talked', 'talks', 'spoke', 'speaks', 'envisioned', 'envisaged', 'underlined',
  'underlines', 'reaffirmed', 'stressed', 'stresses', 'promised', 'promises', 'vowed', 'vows', 'pledged', 'insisted',
  'insists', 'argued', 'argues', 'arguing', 'warned', 'warns', 'warning', 'urged', 'urges', 'urging', 'defended',
  'welcomed', 'blamed', 'blames', 'questioned', 'referred', 'refers', 'deemed', 'concluded', 'claimed', 'claims',
  'claiming', 'alleged', 'alleges', 'noted', 'notes', 'noting', 'wrote', 'writes', 'tweeted', 'tweets', 'posted',
  'expressed', 'included', 'includes', 'admitted', 'admits', 'added', 'adds', 'adding', 'announced', 'declared', 'stated', 'states', 'asserted',
  'acknowledged', 'recalled', 'recalls', 'explained', 'explains', 'suggested', 'suggests', 'thanked', 'congratulated',
  'mocked', 'ridiculed', 'rejected', 'rejects', 'attacked', 'lambasted', 'decried', 'decries', 'reiterated', 'asked',
  'demanded', 'demands', 'pointed', 'pointing', 'vowing', 'promising', 'predicted', 'predicts', 'complained', 'complains',
  'announcing', 'declaring', 'describing', 'replied', 'responded', 'commented', 'comments', 'remarked', 'joked',
  'specifies', 'specified', 'stipulates', 'stipulated', 'screamed', 'screaming', 'shouted', 'shouting', 'yelled',
  'directing', 'directed', 'ordered', 'ordering', 'instructed', 'instructing', 'lamented', 'laments', 'boasted', 'boasts', 'conceded', 'concedes', 'cautioned', 'cautions', 'hinted', 'mused',
];
/** "Facebook released a statement which read …": the one who releases a statement speaks through it. */
const RELEASED_STATEMENT = /\b(?:released|issued|published|put out|posted|sent|shared)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}(?:statement|message|letter|post|tweet|release|notice)\b/iu;
/** First-person words in a partial quotation: the subject's own words ("her passion “stemmed through my love for Halloween”"). */
export const FIRST_PERSON = /(?<![\p{L}'’-])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|my|me|mine|myself)(?![\p{L}'’-])/u;
const CLAUSE_VERB_RE = new RegExp(`(?<![\\p{L}'’-])(?:${CLAUSE_VERBS.join('|')})(?![\\p{L}'’-])`, 'giu');
/** Words right before a quotation that make it a title or a name, not speech: "the book “…”", "titled “…”". */
const TITLE_BEFORE = /(?:\b(?:book|film|movie|song|album|show|series|programme|program|panel|exhibit|exhibition|titled|entitled|named|nicknamed|known as|headline|hashtag|slogan|motto|campaign|article|report|paper|study|column|episode|hall|operation)\s*)$/i;

/**
 * The verb of a clause of saying that governs a partial quotation, in the words between the
 * sentence's subject and the quotation (`masked` is the sentence with quotations masked, as
 * `maskQuotes` gives it); null when there is none, or the quotation names a title or a thing.
 */
export function findClauseVerb(body: string, s: SentenceAnalysis, q: QuoteSpan, masked: string): string | null {
  if (!s.subject) return null;
  const from = s.subject.span.end - s.span.start;
  const to = q.open - s.span.start;
  if (to <= from) return null;
  const between = masked.slice(from, to);
  // Another clause with a subject of its own ("…; Jones said", "…, while critics called it …") is not the subject's.
  if (/[;:]|\s[—–]\s/u.test(between) || /,\s*(?:while|whereas|but|although|though|who|which)\b/i.test(between)) return null;
  // The verb nearest the quotation governs it: "… alleged violation of a statute which says “…”".
  const released = RELEASED_STATEMENT.exec(between);
  if (released) return released[0];
  let verb: RegExpExecArray | null = null;
  CLAUSE_VERB_RE.lastIndex = 0;
  for (let m = CLAUSE_VERB_RE.exec(between); m; m = CLAUSE_VERB_RE.exec(between)) verb = m;
  if (!verb) {
    // No verb of saying, but the words are in the first person: the subject's own ("She typically chooses “to portray … I also enjoy …”").
    const inner = body.slice(q.inner.start, q.inner.end);
    return FIRST_PERSON.test(inner) && inner.split(/\s+/).length >= 3 && !/\b(?:is|was|were|are|been|being|be)\s+\p{L}+(?:ed|en)\b/iu.test(between) ? 'in the first person' : null;
  }
  // "… a statute which says “…”", "… a recording in which someone, seemingly Honcharuk, says …": the verb has a
  // subject of its own when a relative word or another name stands between the sentence's subject and it.
  const lead = between.slice(0, verb.index);
  if (/\b(?:which|who|whom|whose|that|where|when|if|because|after|before|someone|somebody|anyone|everyone)\b/iu.test(lead)) return null;
  // A name just before the verb is its subject ("… seemingly Honcharuk, audibly says"), unless a participle after a
  // comma hangs on the main clause ("… at Biden, saying he was not “special”").
  const participle = /ing$/i.test(verb[0]) && /,\s*$/.test(lead);
  // "… an example of the media falsely describing him as a “felon”": a participle after a noun has that noun for subject.
  if (/ing$/i.test(verb[0]) && !participle && lead.trim() !== '' && !/\b(?:by|while|when|after|before|is|was|were|are|been|be)\s+$/i.test(lead)) return null;
  const nearVerb = lead.trimEnd().split(/\s+/).slice(-3).join(' ');
  if (!participle && [...nearVerb.matchAll(/(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]+/gu)].some((m) => isPlausibleName(m[0].replace(/['’]s$|,$/g, '')))) return null;
  // "a pattern called a “glider”": a naming verb right after a noun names a thing, it does not report the subject.
  if (/^(?:called|named|dubbed|termed|labell?ed|branded|known)$/i.test(verb[0]) && /\b(?:a|an|the|this|that|these|those)\s+(?:[\p{Ll}-]+\s+){1,2}$/u.test(lead)) return null;
  // "Mancini has been described by the Daily Hive as …": the subject is who was described, not who spoke.
  const upToVerb = body.slice(s.subject.span.start, s.subject.span.end) + between.slice(0, verb.index);
  if ((!/ing$/i.test(verb[0]) && /\b(?:is|was|were|are|been|being|be|get|got)\s+(?:\p{L}+ly\s+)?$/iu.test(upToVerb)) || /^\s+by\b/.test(between.slice(verb.index + verb[0].length))) return null;
  if (TITLE_BEFORE.test(body.slice(Math.max(s.span.start, q.open - 30), q.open))) return null;
  return verb[0];
}

/**
 * True when quotation marks set off a name or a label rather than someone's words: a title
 * (“Breaking Into Comics”), or a few words after a determiner ("the leaked ‘draft’", "a “single
 * digital record”"), or one capitalised word that is not given as what something was called.
 */
export function isLabel(body: string, s: SentenceAnalysis, q: QuoteSpan): boolean {
  const inner = body.slice(q.inner.start, q.inner.end);
  if (isTitleCased(inner)) return true;
  const words = inner.split(/\s+/).length;
  const before = body.slice(Math.max(s.span.start, q.open - 80), q.open);
  // "called the sentence “dangerous”": after a verb of calling, the words are what the speaker called it.
  if (words <= 3 && DETERMINER_BEFORE.test(before.slice(-40)) && !CALLING_BEFORE.test(before)) return true;
  return words === 1 && !isWordOfSpeech(body, q);
}

const CALLING_BEFORE = /\b(?:call|calls|called|calling|term|terms|termed|brand|brands|branded|label|labels|labelled|labeled|deem|deems|deemed|described|describes|describing|characteri[sz]ed|dismissed)\s+(?:[^\s.;:“”"]+\s+){0,6}(?:as\s+)?(?:an?\s+|the\s+)?$/iu;
const DETERMINER_BEFORE = /\b(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your|creating|create|so-called)\s+(?:[\p{Ll}-]+\s+)?$/iu;

const INNER_VERB_RE = new RegExp(`(?<![\\p{L}'’-])(?:${CLAUSE_VERBS.join('|')})(?![\\p{L}'’-])`, 'iu');
const NAME_RE = /(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]+/gu;

/**
 * True when reported words hold a speaker of their own before a quotation: in "The Atlantic
 * claimed that … Trump … referred to the soldiers as “losers”", the quoted word is Trump's, not
 * the Atlantic's.
 */
export function hasInnerSpeaker(raw: string): boolean {
  // An aside speaks for itself: "commented on the matter — which the BBC noted as unusual — “…”".
  const text = raw.replace(/\s[—–]\s[^—–]{3,200}?\s[—–]\s|\([^()]{3,200}\)/gu, (m) => ' '.repeat(m.length));
  // "… alleged violation of a statute which says “…”": the statute speaks.
  const relative = /\b(?:which|who|that)\s+(?:[\p{L}'’-]+\s+){0,2}$/iu;
  for (const m of text.matchAll(new RegExp(INNER_VERB_RE.source, 'giu'))) if (relative.test(text.slice(0, m.index))) return true;
  for (const m of text.matchAll(NAME_RE)) {
    if (m.index! > 0 && isPlausibleName(m[0].replace(/['’]s$/, '')) && INNER_VERB_RE.test(text.slice(m.index! + m[0].length))) return true;
  }
  return false;
}

const SPEAKS_NEXT = new RegExp(`^[\\s,]*(?:(?:also|further|then|later|has|had|have|again|once)\\s+)*(?:${CLAUSE_VERBS.join('|')}|released|issued|published)(?![\\p{L}'’-])`, 'iu');

/** True when the words right after a sentence's subject are a verb of saying: "Facebook further claimed", "Facebook released". */
export function speaksNext(text: string): boolean {
  return SPEAKS_NEXT.test(text);
}

/** True for a run of words each capitalised, as titles are: “Breaking Into Comics”, “Dealer's Den”. */
function isTitleCased(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 && words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|and|in|on|for|a|an|to|vs\.?)$/.test(w));
}

/**
 * True when a one-word quotation can be someone's words: lower case ("lousy", "unjust."), or
 * given as what something was called ("described as “Obamagate.”"). A capitalised word alone is
 * more often a name in quotation marks.
 */
function isWordOfSpeech(body: string, q: QuoteSpan): boolean {
  const word = body.slice(q.inner.start, q.inner.end);
  if (/^\p{Ll}/u.test(word)) return true;
  return /\b(?:as|called|calls|calling|termed|dubbed|branded)\s+(?:it\s+|him\s+|her\s+|them\s+)?$/i.test(body.slice(Math.max(0, q.open - 20), q.open));
}

const CLAUSE_PRONOUN = /(?:,\s*|\s)(?:where|when|and|as|while|but|after|before|because|until)\s+(he|she)\s+(?=\p{Ll})/giu;

/**
 * The "he" or "she" that opens the last clause before a partial quotation: "West held a rally in
 * Charleston, where he tearfully discussed …, screaming “…”". Null when there is none.
 */
export function clausePronoun(s: SentenceAnalysis, q: QuoteSpan, masked: string): { text: string; gender: 'm' | 'f'; span: Span } | null {
  let last: RegExpExecArray | null = null;
  for (const m of masked.slice(0, q.open - s.span.start).matchAll(CLAUSE_PRONOUN)) last = m;
  if (!last) return null;
  const text = last[1]!;
  const start = s.span.start + last.index + last[0].trimEnd().length - text.length;
  return { text, gender: /^he$/i.test(text) ? 'm' : 'f', span: { start, end: start + text.length } };
}
