import type { ArticleAnalysis } from './analyse-article.js';
import { isPlausibleName } from './speaker-phrase.js';

/** How far back (in characters) "the company" or "the city" may reach for the body it stands for. */
const REACH = 700;

const CORPORATE = /\b(?:Company|Corporation|Corp|Inc|Ltd|Group|Holdings|Studios|plc|LLC|Motors|Airlines|Airways|Bank)\b/;
const CIVIC = /\b(?:Municipality|City|Town|Council|Borough)\b/;

/** The names a description can stand for: a corporate noun a firm's, a civic one a town's. */
const DESCRIPTIONS: Record<string, { names: RegExp; subjects: boolean }> = {
  company: { names: CORPORATE, subjects: true },
  firm: { names: CORPORATE, subjects: true },
  manufacturer: { names: CORPORATE, subjects: true },
  retailer: { names: CORPORATE, subjects: true },
  publisher: { names: CORPORATE, subjects: true },
  studio: { names: CORPORATE, subjects: true },
  broadcaster: { names: CORPORATE, subjects: true },
  brand: { names: CORPORATE, subjects: true },
  city: { names: CIVIC, subjects: false },
  municipality: { names: CIVIC, subjects: false },
  town: { names: CIVIC, subjects: false },
};

/**
 * The body a definite description stands for: "Hasbro hosted a panel … the company noted" is
 * Hasbro; "… was advanced by the Municipality of Livorno. The city reasoned" is the municipality.
 * Candidates are the bodies of the right kind the article names shortly before, and, for a firm,
 * the one-word names that are sentence subjects there and nobody's surname (`isSurname`). Null
 * unless exactly one candidate remains.
 */
export function describedBody(analysis: ArticleAnalysis, noun: string, at: number, isSurname: (name: string) => boolean): string | null {
  const kind = DESCRIPTIONS[noun.toLowerCase()];
  if (!kind) return null;
  const from = at - REACH;
  const found = new Set<string>();
  for (const o of analysis.organisations) {
    if (o.at >= from && o.at < at && o.name.includes(' ') && kind.names.test(o.name)) found.add(o.name);
  }
  if (kind.subjects) {
    const surnames = new Set(analysis.mentions.filter((m) => m.phrase.name.includes(' ')).map((m) => m.phrase.name.split(' ').pop()!));
    for (const p of analysis.paragraphs) for (const s of p.sentences) {
      if (s.span.start >= at) break;
      const subject = s.subject;
      if (!subject || subject.span.start < from || subject.span.start >= at) continue;
      const { phrase } = subject;
      if (phrase.type === 'organisation' && !phrase.definite && phrase.name.includes(' ')) found.add(phrase.name);
      if (phrase.type !== 'person' || phrase.honorific || phrase.role || phrase.name.includes(' ')) continue;
      if (isPlausibleName(phrase.name) && !surnames.has(phrase.name) && !isSurname(phrase.name)) found.add(phrase.name);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}
