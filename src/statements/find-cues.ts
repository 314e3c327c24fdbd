import type { QuoteSpan } from './find-quotes.js';
import type { Span } from './segment.js';
import { TITLE_WORDS, parseSpeakerPhrase, trimPhrase, type SpeakerPhrase } from './speaker-phrase.js';

/** Verbs that report speech: a quote they govern is the subject's words. */
const SPEECH_VERBS = [
  'said', 'says', 'told', 'tells', 'added', 'adds', 'argued', 'argues', 'claimed', 'claims', 'warned', 'warns',
  'explained', 'explains', 'noted', 'notes', 'continued', 'continues', 'emphasised', 'emphasises', 'emphasized',
  'emphasizes', 'stressed', 'stresses', 'insisted', 'insists', 'urged', 'urges', 'commented', 'comments', 'stated',
  'believes', 'believed', 'wrote', 'writes', 'asked', 'asks', 'replied', 'replies', 'admitted', 'admits', 'announced',
  'announces', 'declared', 'declares', 'suggested', 'suggests', 'acknowledged', 'acknowledges', 'predicted', 'predicts',
  'promised', 'promises', 'reiterated', 'reiterates', 'concluded', 'concludes', 'recalled', 'recalls', 'observed',
  'remarked', 'indicated', 'confirmed', 'confirms', 'denied', 'denies', 'called', 'calls', 'maintained', 'maintains',
  'tweeted', 'testified', 'revealed', 'conceded', 'concedes', 'cautioned', 'vowed', 'vows', 'pledged', 'responded',
  'answered', 'explains', 'thinks', 'thought', 'feels', 'felt', 'fears', 'feared', 'hopes', 'hoped', 'reported',
  'alleged', 'alleges', 'disclosed', 'informed', 'assured', 'reckons', 'wondered', 'joked', 'quipped', 'shouted',
  'reasoned', 'reasons', 'pointed out', 'points out', 'went on', 'goes on', 'exclaimed', 'exclaims', 'interjected', 'retorted', 'screamed', 'yelled',
];
/** Base forms, only after "to", "did", "would": "went on to call for", "did not say". */
const BASE_VERBS = ['say', 'tell', 'add', 'argue', 'claim', 'warn', 'call', 'urge', 'explain', 'stress', 'insist', 'note', 'suggest'];
/** Verbs of communication that are not speech: they license a quoted clause, not a quoted name. */
const WEAK_VERBS = [
  'praised', 'congratulated', 'applauded', 'welcomed', 'criticised', 'criticized', 'accused', 'thanked', 'condemned',
  'hailed', 'attacked', 'questioned', 'defended', 'dismissed', 'described', 'describes', 'labelled', 'branded',
  'blamed', 'admitting', 'saying', 'adding', 'warning', 'arguing', 'claiming', 'noting', 'insisting', 'explaining',
  'telling', 'urging', 'calling',
];
const STRONG = new Set([...SPEECH_VERBS, ...BASE_VERBS]);
const VERB_RE = new RegExp(
  `(?<![\\p{L}'’-])(?:(?:to|did|did not|didn't|would|will|went on to|go on to|goes on to)\\s+(${BASE_VERBS.join('|')})|(${[...SPEECH_VERBS, ...WEAK_VERBS].join('|')}))(?![\\p{L}'’-])`,
  'giu',
);
/** Verbs with which "it" can be a body speaking. */
const IT_VERBS = new Set(['said', 'says', 'added', 'adds', 'stated', 'announced', 'announces', 'warned', 'warns', 'noted', 'argued', 'argues', 'claimed', 'claims', 'confirmed', 'denied', 'reported', 'insisted', 'told', 'urged', 'urges', 'called']);
/** Verbs whose object is not speech unless a "that" clause follows ("declared a state of emergency"). */
const NEEDS_THAT = new Set([
  'declared', 'declares', 'maintained', 'maintains', 'tweeted', 'answered', 'announced', 'announces', 'revealed', 'confirmed',
  'confirms', 'denied', 'denies', 'reported', 'asked', 'asks', 'recalled', 'recalls', 'testified', 'responded', 'replied',
  'replies', 'wrote', 'writes', 'posted', 'disclosed', 'expressed', 'vowed', 'vows', 'pledged', 'promised', 'promises',
  'estimated', 'estimates', 'agreed', 'agrees', 'continued', 'continues', 'went on', 'goes on', 'wondered', 'joked',
  'quipped', 'shouted',
]);
/** Objects of "told", "urged", "warned": skipped to reach what was said. */
const OBJECT_THEN_THAT = /^\s+(?:[^,;:.]{1,60}?\s)?that\s+/i;
/** The person told, when no "that" follows: "told The Washington Post he …", "told reporters today …". */
const TELL_OBJECT = /^\s+(?:(?:the\s+|The\s+)?(?:\p{Lu}[\p{L}.&'’-]*,?\s+)+|(?:reporters|journalists|delegates|him|her|them|us|me|police|officials|the\s+\p{Ll}+)\s+(?:(?:today|yesterday|on\s+\p{Lu}\p{Ll}+)\s+)?)/u;
const MASK = '\u0001';

/** A speech cue: a verb of saying and the words naming who spoke. */
export interface Cue {
  verb: string;
  strength: 'speech' | 'weak';
  verbSpan: Span;
  phrase: SpeakerPhrase;
  phraseSpan: Span;
  /** `before`: "Dixon said"; `after`: "…,” said Dixon". */
  order: 'before' | 'after';
  /** Where reported content starts for subject-first cues ("said [that] …"), else null. */
  complementStart: number | null;
  /** A role given in apposition: "said Ian Dalton, the NHSCB's chief operating officer". */
  appositive: string | null;
  /** The cue's words as they stand in the article, e.g. "he told the conference". */
  text: string;
}

/** A person named after an inverted verb's role, up to two commas on, or after "pseudonym", "named": else null. */
function nameAfterRole(rest: string): { phrase: SpeakerPhrase; at: number; length: number } | null {
  const end = rest.search(/[.;:!?\u0001—–()]/u);
  const text = end < 0 ? rest : rest.slice(0, end);
  const alias = /\b(?:pseudonym|named|called|identified only as|known only as)\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)\s*$/u.exec(text);
  if (alias) return { phrase: { type: 'person', text: text.trim(), name: alias[1]!, honorific: null, role: text.slice(0, alias.index).trim() || null }, at: alias.index + alias[0].length - alias[1]!.length, length: alias[1]!.length };
  const parts = text.split(',');
  if (parts.length < 2 || parts.length > 3) return null;
  const last = parts[parts.length - 1]!;
  const phrase = parseSpeakerPhrase(last);
  if (phrase?.type !== 'person' || !phrase.name.includes(' ')) return null;
  const at = text.length - last.length + last.indexOf(last.trim());
  return { phrase: { ...phrase, role: phrase.role ?? parts.slice(0, -1).join(',').trim() }, at, length: last.trim().length };
}

/** The verbs of saying and of communication in a sentence as `maskQuotes` gives it, in order. */
export function findVerbs(masked: string): RegExpExecArray[] {
  // exec, not matchAll: matchAll copies the (large) regular expression at every call.
  const verbs: RegExpExecArray[] = [];
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(masked); m; m = VERB_RE.exec(masked)) verbs.push(m);
  return verbs;
}

/** True when a sentence has a verb of saying outside its quotations (`verbs` from `findVerbs`), whether or not its speaker could be read. */
export function hasSpeechVerb(verbs: RegExpExecArray[]): boolean {
  return verbs.some((m) => STRONG.has((m[1] ?? m[2])!.toLowerCase()));
}

/** Copies a sentence with every quotation replaced by a mask of the same length, so offsets line up. */
export function maskQuotes(body: string, sentence: Span, quotes: QuoteSpan[]): string {
  let text = body.slice(sentence.start, sentence.end);
  for (const q of quotes) {
    const a = Math.max(q.open, sentence.start) - sentence.start;
    const b = Math.min(q.end, sentence.end) - sentence.start;
    if (b > a) text = text.slice(0, a) + MASK.repeat(b - a) + text.slice(b);
  }
  return text;
}

/** The span of the words that name the speaker, without the fillers around them ("while", "also", "has"). */
function tightSpan(masked: string, base: number, start: number, end: number): Span {
  const text = masked.slice(start, end);
  const core = trimPhrase(text);
  const at = core ? text.indexOf(core) : -1;
  return at < 0 ? { start: base + start, end: base + end } : { start: base + start + at, end: base + start + at + core.length };
}

// Every alternative takes at least one character: an empty match (`^` once was one) would need the
// loop to step past it, and a step of one code unit into a surrogate pair made /u match there again
// for ever (a body starting "🙂 said" hung the extractor; found by tests/statements/extraction-properties).
const BOUNDARY = /[,;:()\u0001—–]|\s-\s/gu;

function lastBoundaryBefore(masked: string, index: number): number {
  let at = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(masked); m && m.index < index; m = BOUNDARY.exec(masked)) at = m.index + m[0].length;
  return at;
}

/**
 * Finds the speech cues of one sentence, outside its quotations. A caller that has the masked
 * sentence and its verbs (`maskQuotes`, `findVerbs`) passes them, so they are not found twice.
 */
export function findCues(
  body: string,
  sentence: Span,
  quotes: QuoteSpan[],
  masked = maskQuotes(body, sentence, quotes),
  verbs = findVerbs(masked),
  subject: { phrase: SpeakerPhrase; span: Span } | null = null,
): Cue[] {
  const cues: Cue[] = [];
  const base = sentence.start;
  for (const m of verbs) {
    const verb = (m[1] ?? m[2])!.toLowerCase();
    const verbStart = m.index + m[0].length - (m[1] ?? m[2])!.length;
    const verbEnd = m.index + m[0].length;
    const strength = STRONG.has(verb) ? 'speech' : 'weak';
    // Passive voice ("was reported by", "is called") names no speaker before the verb.
    if (/\b(?:was|were|is|are|been|be|being)\s+(?:\p{L}+ly\s+)?$/iu.test(masked.slice(0, m.index)) || /^\s+by\b/.test(masked.slice(verbEnd))) continue;
    const from = lastBoundaryBefore(masked, m.index);
    const subjectText = masked.slice(from, m.index);
    let phrase = subjectText.trim() ? parseSpeakerPhrase(subjectText) : null;
    let clauseAt = -1;
    if (!phrase && subjectText.trim()) {
      // "John Rhys-Davies broke news when he revealed …": the subject of the clause the verb is in.
      const clause = /^(.*\s)(?:when|after|as|while|because|before|since|until|once|where|and|but|so|then)\s+((?:he|she|it|they|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}))\s*$/u.exec(subjectText);
      // "On the live television he said": a pronoun right before the verb is its subject, whatever comes before.
      const pronoun = clause ? null : /^(.*\s)(he|she|they)\s*$/iu.exec(subjectText);
      if (clause) {
        phrase = parseSpeakerPhrase(clause[2]!);
        clauseAt = from + clause[1]!.length + clause[0].slice(clause[1]!.length).indexOf(clause[2]!);
      } else if (pronoun) {
        phrase = parseSpeakerPhrase(pronoun[2]!);
        clauseAt = from + pronoun[1]!.length;
      }
    }
    let order: Cue['order'] = 'before';
    let phraseSpan: Span = tightSpan(masked, base, clauseAt >= 0 ? clauseAt : from, m.index);
    let appositive: string | null = null;
    const namedSubject = subject && (subject.phrase.type === 'person' || subject.phrase.type === 'organisation') && subject.span.end <= base + from ? subject : null;
    // A lone word before the verb after an aside is more often a place than a person: "…, Fayetteville, said".
    const loneWord = phrase?.type === 'person' && !phrase.name.includes(' ') && !phrase.honorific && from > 0 && masked[from - 1] === ',';
    // "Nunzio Galantino, has called": an auxiliary alone stands between the aside and the verb.
    const noSubject = !subjectText.trim() || /^\s*(?:has|have|had|also|has also|had also|then|later|further)\s*$/i.test(subjectText);
    if ((!phrase || loneWord) && (loneWord || noSubject) && namedSubject && /^\s*,/.test(masked.slice(namedSubject.span.end - base - 1).replace(/^[^,]/, '')) && !/[;:\u0001]/.test(masked.slice(namedSubject.span.end - base, from))) {
      // "Cynthia Thompson, curator and director of exhibits at the University of Arkansas, Fayetteville, said":
      // the sentence's subject, past the asides after it, is who speaks.
      phrase = namedSubject.phrase;
      phraseSpan = namedSubject.span;
    }
    if (!phrase && noSubject && from > 0 && masked[from - 1] === ')') {
      // "Comic artist Jenn St-Onge (Nancy Drew, Jem and the Misfits) told": the name before the brackets.
      const open = masked.lastIndexOf('(', from - 1);
      if (open > 0) {
        const start = lastBoundaryBefore(masked, open);
        const candidate = parseSpeakerPhrase(masked.slice(start, open));
        if (candidate?.type === 'person' || candidate?.type === 'organisation') {
          phrase = candidate;
          phraseSpan = tightSpan(masked, base, start, open);
        }
      }
    }
    if (!phrase && noSubject && from > 0 && masked[from - 1] === ',') {
      // "Cruz, in remarks to ABC, said" / "Sophie Obadia, another lawyer for the victim, told": walk back over asides.
      // A person further back beats a body named in the aside: "Jonna Mendez, also CIA, said".
      let end = from - 1;
      let fallback: { phrase: SpeakerPhrase; span: Span } | null = null;
      for (let hop = 0; hop < 3 && end > 0 && !phrase; hop++) {
        const start = lastBoundaryBefore(masked, end);
        const candidate = parseSpeakerPhrase(masked.slice(start, end));
        if (candidate && (candidate.type === 'person' || (candidate.type === 'pronoun' && candidate.text))) {
          phrase = candidate;
          phraseSpan = tightSpan(masked, base, start, end);
        } else if (candidate?.type === 'organisation' && !fallback) {
          fallback = { phrase: candidate, span: tightSpan(masked, base, start, end) };
        }
        if (start === 0 || masked[start - 1] !== ',') break;
        end = start - 1;
      }
      if (!phrase && fallback) {
        phrase = fallback.phrase;
        phraseSpan = fallback.span;
      }
    }
    if (!phrase && !subjectText.trim()) {
      // Inverted: "…,” says NHS Alliance chair Dr Michael Dixon." / "said Ian Dalton, the NHSCB's …"
      const rest = masked.slice(verbEnd);
      // Not "declared that Soleimani was …": a clause after the verb names what was said, not who said it.
      const np = /^\s+(?!that\b|how\b|whether\b|if\b)([^,;:.!?\u0001—–()]+?)(?=\s*(?:[,;:.!?\u0001—–()]|$))/u.exec(rest);
      if (np) {
        // "said Dixon at the conference", "wrote Joshua Wong on Twitter": the words after the name are not it;
        // "said Mayor of London Sadiq Khan" keeps them.
        const whole = parseSpeakerPhrase(np[1]!);
        phrase = whole?.type === 'person' ? whole : parseSpeakerPhrase(np[1]!.replace(/\s+(?:of|from|at|with|for|on|in|via|to|during|after|before)\s+.*$/u, ''));
        order = 'after';
        const s = verbEnd + np[0].length - np[1]!.length;
        phraseSpan = { start: base + s, end: base + s + np[1]!.length };
        // "said University of California, San Diego's chancellor, Pradeep Khosla." / "said a protester using the
        // pseudonym Katya": the name comes after the role, past commas.
        const later = phrase?.type === 'person' ? null : nameAfterRole(rest.slice(np[0].length - np[1]!.length));
        if (later) {
          phrase = later.phrase;
          const from = verbEnd + np[0].length - np[1]!.length + later.at;
          phraseSpan = { start: base + from, end: base + from + later.length };
        }
        const app = /^,\s+((?:the|a|an|its|their)\s[^,;.!?\u0001]{3,120}?)(?=[,;.!?]|$)/iu.exec(rest.slice(np[0].length));
        if (app && phrase?.type === 'person') appositive = app[1]!.replace(/^(?:the|a|an)\s+/i, '');
      }
    }
    if (!phrase && /^\s*(?:and|but|or|yet|while|before|then)?\s*(?:also|further|later|then)?\s*$/i.test(subjectText) && from > 0) {
      // "Dixon questioned …, and said …": the verb shares the sentence's subject.
      phrase = { type: 'pronoun', text: '', plural: false };
      order = 'before';
      phraseSpan = { start: base + m.index, end: base + m.index };
    }
    if (/ing$/.test(verb) && order === 'after') {
      // "arguing Trump was …": after a participle comes what is argued, never who argues.
      phrase = { type: 'pronoun', text: '', plural: false };
      order = 'before';
      phraseSpan = { start: base + m.index, end: base + m.index };
    }
    if (/ing$/.test(verb) && order === 'before' && phrase?.type !== 'person' && phrase?.type !== 'organisation') {
      // "Trump congratulated Pelosi, saying …": a participle speaks with its clause's subject.
      phrase = { type: 'pronoun', text: '', plural: false };
      phraseSpan = { start: base + m.index, end: base + m.index };
    }
    if (/ing$/.test(verb) && phrase && from > 0 && masked[from - 1] === ',' && phraseSpan.end <= base + from) {
      phrase = { type: 'pronoun', text: '', plural: false };
      phraseSpan = { start: base + m.index, end: base + m.index };
    }
    if (!phrase || (strength === 'weak' && phrase.type === 'generic')) continue;
    // "It feels like …" is nobody speaking; "it said" can be a body.
    if (phrase.type === 'pronoun' && phrase.text.toLowerCase() === 'it' && !IT_VERBS.has(verb)) continue;
    let complementStart: number | null = null;
    // A parenthetical cue ("which, it hopes, will …") reports only when it opens its sentence ("However, he noted, …").
    const parenthetical = /^\s*,/.test(masked.slice(verbEnd)) && masked.slice(0, from).trim().split(/\s+/).length > 2;
    if (order === 'before' && !parenthetical) {
      const after = masked.slice(verbEnd);
      if (/^(?:call|calls|called)$/.test(verb)) complementStart = /^\s+(?:for|on|upon)\b/.test(after) ? base + verbStart : null;
      else if (/^(?:urge|urges|urged)$/.test(verb)) complementStart = base + verbStart;
      else if (NEEDS_THAT.has(verb)) {
        // "declared a state of emergency" reports nothing; "revealed police have been unable …" does.
        const that = /^\s+(?:[^,;:.\u0001]{1,60}?\s)?that\s+/i.exec(after);
        const clause = /^[^.;:\u0001]*\b(?:is|was|were|are|has|have|had|will|would|could|can|may|might|must|should|did|does|do|been)\b/i.test(after);
        complementStart = that ? base + verbEnd + that[0].length : clause ? base + verbEnd + /^\s*/.exec(after)![0].length : null;
      } else {
        const tells = /^(tells|told|tell|warned|warns|assured|informed|reminded|asked)$/.test(verb);
        const that = tells ? OBJECT_THEN_THAT.exec(after) ?? TELL_OBJECT.exec(after) : /^\s+(?:(?:to|in)\s+[^,;:.\u0001]{1,60}?\s+)?that\s+/i.exec(after);
        complementStart = base + verbEnd + (that ? that[0].length : /^\s*/.exec(after)![0].length);
      }
    }
    const textStart = Math.min(phraseSpan.start, base + verbStart);
    const textEnd = Math.max(phraseSpan.end, base + verbEnd);
    let text = body.slice(textStart, textEnd);
    const tail = /^\s+(?:the conference|delegates|reporters|journalists|the audience|MPs|members|the meeting)\b/.exec(body.slice(textEnd, sentence.end));
    if (tail) text += tail[0];
    // "Jane Roe, director of the Prison Reform Trust, said": the role between the name and the verb is hers.
    if (!appositive && phrase?.type === 'person' && phraseSpan && phraseSpan.end <= base + verbStart) {
      const aside = /^,\s+((?:the\s+|a\s+|an\s+)?[^,;:()\u0001]{3,120}?),\s*$/iu.exec(masked.slice(phraseSpan.end - base, verbStart));
      if (aside && aside[1]!.split(/\s+/).some((w) => TITLE_WORDS.has(w.toLowerCase()))) appositive = aside[1]!.replace(/^(?:the|a|an)\s+/i, '');
    }
    cues.push({ verb, strength, verbSpan: { start: base + verbStart, end: base + verbEnd }, phrase, phraseSpan, order, complementStart, appositive, text: text.trim() });
  }
  return cues;
}
