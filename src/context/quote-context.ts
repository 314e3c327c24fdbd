import type { Article } from '../corpus/article.js';
import type { Speaker, Statement } from '../statements/statement.js';
import { segmentParagraphs } from '../statements/segment.js';
import type { SpeakerRef } from '../answer/answer-schema.js';

/** A paragraph of the article, with the part of it that is the quote (offsets into the paragraph text). */
export interface ContextParagraph {
  text: string;
  /** The quote's span within `text`, or null when this paragraph holds none of it. */
  mark: { start: number; end: number } | null;
}

/** One quote where it stands in its article: what the context page and `briefbot context` show. */
export interface QuoteContext {
  statementId: string;
  kind: Statement['kind'];
  /** The quote's exact words. */
  text: string;
  speaker: SpeakerRef | null;
  cue: string | null;
  /** Set when an editor's correction changed this statement. */
  correction: string | null;
  article: Pick<Article, 'id' | 'title' | 'outlet' | 'url' | 'byline' | 'licence' | 'published' | 'titleInferred'>;
  /** Every paragraph of the article, in order. */
  paragraphs: ContextParagraph[];
  /** Indexes into `paragraphs` of the first and last paragraph holding the quote. */
  first: number;
  last: number;
}

/** Paragraphs shown before and after the quote on the context page; the whole article is a click further. */
export const CONTEXT_PARAGRAPHS = 1;

/** Puts a statement back in its article: the paragraphs with the quote's span marked. */
export function buildQuoteContext(article: Article, statement: Statement, speaker: Speaker | null, correction: string | null): QuoteContext {
  const spans = segmentParagraphs(article.body);
  let first = -1;
  let last = -1;
  const paragraphs = spans.map((p, i): ContextParagraph => {
    const start = Math.max(p.start, statement.start);
    const end = Math.min(p.end, statement.end);
    if (start >= end) return { text: article.body.slice(p.start, p.end), mark: null };
    if (first === -1) first = i;
    last = i;
    return { text: article.body.slice(p.start, p.end), mark: { start: start - p.start, end: end - p.start } };
  });
  return {
    statementId: statement.id,
    kind: statement.kind,
    text: statement.text,
    speaker: speaker ? { id: speaker.id, name: speaker.name, kind: speaker.kind, roles: speaker.roles } : null,
    cue: statement.cue,
    correction,
    article: {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      published: article.published,
      ...(article.byline === undefined ? {} : { byline: article.byline }),
      ...(article.licence === undefined ? {} : { licence: article.licence }),
      ...(article.titleInferred === undefined ? {} : { titleInferred: article.titleInferred }),
    },
    paragraphs,
    first: Math.max(first, 0),
    last: Math.max(last, 0),
  };
}
