import { escapeRegExp } from '../statements/escape-reg-exp.js';
import type { Article } from '../corpus/article.js';
import { segmentParagraphs } from '../statements/segment.js';
import type { Passage, Unconfirmed } from './answer-schema.js';
import type { CorpusStore } from '../store/corpus-store.js';
import { trimAround } from './quotation-of.js';
import { fillView } from './fill-view.js';

/** Passages shown at most, and the longest shown whole. */
const MAX_PASSAGES = 3;
const PASSAGE_MAX = 500;
/** Statements (any speaker) whose text or paragraph has the name and topic, read for their paragraphs. */
const CANDIDATES = 60;

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Paragraphs that name a speaker and share a word with the topic, best match first: words around a
 * name that the articles do not attribute to its bearer, so they are returned apart from quotes and
 * labelled as not confirmed. Found through the index (a paragraph is indexed as the context of the
 * statements in it), then checked against the paragraph's own text.
 */
export async function findPassages(data: CorpusStore, names: string[], topic: string | null, articleIds: ReadonlySet<string> | null): Promise<Passage[]> {
  const usable = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 3))];
  if (!usable.length) return [];
  const mention = new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map((n) => escapeRegExp(fold(n))).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  const topicTerms = new Set(topic ? data.terms(topic) : []);
  const seen = new Set<string>();
  const out: Array<Passage & { score: number }> = [];
  // One search, on the shortest form of the name (the surname, as articles use it); every form is checked.
  const name = [...usable].sort((a, b) => a.length - b.length)[0]!;
  // Every word of the name and of the topic, in the statement or around it: few hits, cheap to check.
  const hits = await data.search.search({ text: topic ? `${name} ${topic}` : name, speakerIds: null, articleIds, directOnly: false, matchAll: true, floor: 0 });
  // Hits cluster in a few articles: each is split into paragraphs once.
  const paragraphsOf = new Map<string, Array<{ start: number; end: number }>>();
  const candidates = hits.slice(0, CANDIDATES);
  // A store that reads on demand reads these few articles whole.
  await fillView(data, { bodies: candidates.flatMap((h) => (h.statement ? [h.statement.articleId] : [])) });
  for (const hit of candidates) {
    const st = hit.statement ?? data.statements.get(hit.id);
    const article = st && data.articles.get(st.articleId);
    if (!st || !article) continue;
    if (!paragraphsOf.has(article.id)) paragraphsOf.set(article.id, segmentParagraphs(article.body));
    const paragraph = paragraphsOf.get(article.id)!.find((p) => p.start <= st.start && st.start < p.end);
    if (!paragraph) continue;
    const key = `${article.id}#${paragraph.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = article.body.slice(paragraph.start, paragraph.end);
    if (!mention.test(fold(text))) continue;
    const shared = topicTerms.size ? data.terms(text).filter((t) => topicTerms.has(t)).length : 1;
    if (!shared) continue;
    out.push({ ...passageOf(article, paragraph, aroundName(article.body, paragraph, usable) ?? st), score: hit.score * shared });
  }
  return out
    .sort((a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId) || a.start - b.start)
    .slice(0, MAX_PASSAGES)
    .map(({ score: _score, ...p }) => p);
}

/** Where the paragraph names the speaker (as written, ignoring case), for trimming around it. */
function aroundName(body: string, paragraph: { start: number; end: number }, names: string[]): { start: number; end: number } | null {
  const text = body.slice(paragraph.start, paragraph.end).toLowerCase();
  for (const name of names) {
    const at = text.indexOf(name.toLowerCase());
    if (at >= 0) return { start: paragraph.start + at, end: paragraph.start + at + name.length };
  }
  return null;
}

function passageOf(article: Article, paragraph: { start: number; end: number }, around: { start: number; end: number }): Passage {
  const { start, end } = trimAround(article.body, paragraph, around, PASSAGE_MAX);
  return {
    text: article.body.slice(start, end),
    start,
    end,
    trimmedStart: start > paragraph.start,
    trimmedEnd: end < paragraph.end,
    articleId: article.id,
    outlet: article.outlet,
    title: article.title,
    url: article.url,
    date: article.published,
  };
}

/** The labelled part of an answer holding passages that mention a speaker, or undefined when there are none. */
export function unconfirmedPart(name: string, topic: string | null, passages: Passage[]): Unconfirmed | undefined {
  if (!passages.length) return undefined;
  const about = topic ? ` and "${topic}"` : '';
  return { label: `Passages that mention ${name}${about} (not confirmed as ${name}'s words)`, passages };
}
