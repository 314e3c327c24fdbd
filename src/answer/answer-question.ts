import type { Article } from '../corpus/article.js';
import { parseQuestion } from '../question/parse-question.js';
import type { ParsedQuestion } from '../question/parsed-question.js';
import type { Speaker, Statement } from '../statements/statement.js';
import type { Answer, AskOptions, Interpretation, Result, Source, SpeakerRef } from './answer-schema.js';
import { overlaps } from './article-dates.js';
import type { EngineData } from './build-engine.js';
import { answerCommand } from './answer-command.js';

const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;
/** Reported speech ranks a little below the speaker's own words on the same terms. */
const INDIRECT_WEIGHT = 0.8;
/** Results scoring under this share of the best one are dropped. */
const RELEVANCE_FLOOR = 0.2;
/** Words nobody is known to have said rank below attributed ones. */
const UNATTRIBUTED_WEIGHT = 0.5;

type Query = Extract<ParsedQuestion, { kind: 'query' }>;

/** Turns a speaker into the reference answers carry. */
export function speakerRef(s: Speaker): SpeakerRef {
  return { id: s.id, name: s.name, kind: s.kind, roles: s.roles };
}

/** Answers one question from the engine's data. Never throws on any input text. */
export async function answerQuestion(data: EngineData, question: string, options: AskOptions, now: Date): Promise<Answer> {
  const parsed = data.parseQuestion ? data.parseQuestion(question, now) : parseQuestion(question, { ...data.questionContext, now });
  if (parsed.kind === 'invalid') return { kind: 'invalid', reason: parsed.reason, message: parsed.message };
  if (parsed.kind === 'command') return answerCommand(data, parsed.command);
  return answerQuery(data, parsed, options);
}

function interpretationOf(data: EngineData, q: Query): Interpretation {
  const speaker = q.speakerId ? data.speakers.get(q.speakerId) : undefined;
  return {
    question: q.question,
    speaker: speaker ? speakerRef(speaker) : null,
    speakerQuery: q.speakerQuery,
    topic: q.topic,
    phrase: q.phrase,
    dateFrom: q.dateFrom,
    dateTo: q.dateTo,
    dateText: q.dateText,
    outlet: q.outlet,
    sort: q.sort,
  };
}

async function answerQuery(data: EngineData, q: Query, options: AskOptions): Promise<Answer> {
  const interpretation = interpretationOf(data, q);
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const nothing = (message: string, suggestions: string[]): Answer => ({ kind: 'nothing', interpretation, message, suggestions });

  if (q.speakerQuery && !q.speakerId) {
    return nothing(`No quotes from ${q.speakerQuery} in the corpus.${mentionNote(data, q.speakerQuery)}`, suggestSpeakers(data, q.topic));
  }
  const filtered = q.dateFrom || q.dateTo || q.outlet;
  const articleIds = !filtered
    ? null
    : data.articlesDated
      ? data.articlesDated(q.dateFrom, q.dateTo, q.outlet)
      : new Set([...data.articles.values()].filter((a) => overlaps(a.published, q.dateFrom, q.dateTo) && (!q.outlet || a.outlet === q.outlet)).map((a) => a.id));
  const speakerName = interpretation.speaker?.name ?? null;
  const where = describeFilters(q);
  if (articleIds && articleIds.size === 0) {
    return nothing(`No articles ${where.trim()} in the corpus.`, suggestWithout(q, speakerName));
  }
  const speakerIds = q.speakerId ? new Set([q.speakerId]) : null;
  const text = q.phrase ?? q.topic;
  let note: string | null = null;
  const textOnly = q.phrase !== null;
  let hits = await data.search.search({ text, speakerIds, articleIds, directOnly: textOnly, matchAll: true, textOnly });
  if (hits.length === 0 && q.phrase) {
    hits = await data.search.search({ text, speakerIds, articleIds, directOnly: false, matchAll: true, textOnly });
  }
  if (hits.length === 0 && text && !q.phrase) {
    hits = await data.search.search({ text, speakerIds, articleIds, directOnly: false, matchAll: false });
    if (hits.length) note = `No statement has every word of "${text}"; these have some of them.`;
  }
  if (hits.length === 0) {
    const who = speakerName ? `No quotes from ${speakerName}` : 'No quotes';
    const about = text ? ` ${q.phrase ? 'with the words' : 'about'} "${text}"` : '';
    return nothing(`${who}${about}${where} in the corpus.`, speakerName ? suggestForSpeaker(data, q, speakerName) : suggestSpeakers(data, text));
  }

  const ranked = rankGroups(data, hits, q, articleIds, offset + limit);
  return {
    kind: 'results',
    interpretation,
    results: ranked.top.slice(offset, offset + limit).map((r) => toResult(data, r.members, r.score)),
    total: ranked.total,
    offset,
    limit,
    note,
  };
}

/** A group to rank, with the keys its result will sort by: built into a result only when on the page. */
interface Ranked {
  members: Statement[];
  score: number;
  /** The result's score as shown (rounded). */
  shown: number;
}

/** A ranked group with its first source (as `toResult` orders them): the date and place it sorts by. */
interface Placed extends Ranked {
  date: string;
  articleId: string;
  start: number;
}

/** Code-point order: the same on every machine, and far cheaper than `localeCompare` in big sorts. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byNewest = (a: Placed, b: Placed): number => compareText(b.date, a.date) || compareText(a.articleId, b.articleId) || a.start - b.start;
const byRelevance = (a: Placed, b: Placed): number => b.shown - a.shown || compareText(b.date, a.date);

/**
 * Groups the hits into results and orders them: the first `want` in order, and how many there are
 * in all. Only what can reach the page is sorted in full, so a common word costs little more than
 * a rare one.
 */
function rankGroups(
  data: EngineData,
  hits: Array<{ id: string; score: number }>,
  q: Query,
  articleIds: ReadonlySet<string> | null,
  want: number,
): { top: Placed[]; total: number } {
  const seen = new Map<object, Ranked>();
  let best = 0;
  let previous = Infinity;
  let sorted = true;
  for (const hit of hits) {
    // Hits come best first: once one is under the floor of the best so far (weights only lower a
    // score), neither it nor any after it can reach the floor, nor raise a group that does.
    if (hit.score > previous) sorted = false;
    previous = hit.score;
    if (sorted && hit.score < best * RELEVANCE_FLOOR) break;
    const st = data.statements.get(hit.id);
    if (!st) continue;
    const group = data.groups.get(st.id) ?? { lead: st, members: [st] };
    const weight = (st.kind === 'indirect' ? INDIRECT_WEIGHT : 1) * (st.speakerId ? 1 : UNATTRIBUTED_WEIGHT);
    const score = hit.score * weight;
    if (score > best) best = score;
    const entry = seen.get(group);
    if (entry) entry.score = Math.max(entry.score, score);
    else seen.set(group, { members: articleIds ? group.members.filter((m) => articleIds.has(m.articleId)) : group.members, score, shown: 0 });
  }
  // Hits far below the best are matches of the surrounding paragraph only: noise next to a real match.
  const kept: Ranked[] = [];
  for (const g of seen.values()) {
    if (g.members.length > 0 && (best === 0 || g.score >= best * RELEVANCE_FLOOR)) {
      g.shown = Math.round(g.score * 1000) / 1000;
      kept.push(g);
    }
  }
  const place = (g: Ranked): Placed => ({ ...g, ...firstSource(data, g.members) });
  if (q.sort === 'newest' || !(q.phrase ?? q.topic)) return { top: selectTop(kept.map(place), want, byNewest), total: kept.length };
  // By relevance: only groups scoring at least the `want`-th best score can be on the page, ties included.
  let candidates = kept;
  if (kept.length > want) {
    const scores = Float64Array.from(kept, (g) => g.shown).sort();
    const threshold = scores[scores.length - want]!;
    candidates = kept.filter((g) => g.shown >= threshold);
  }
  return { top: candidates.map(place).sort(byRelevance).slice(0, want), total: kept.length };
}

/**
 * The first `want` items in `compare` order, as a stable sort of them all would give: a buffer of
 * the best so far, sorted and cut back whenever it doubles.
 */
function selectTop<T>(items: T[], want: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= want * 4) return items.sort(compare).slice(0, want);
  let buffer: T[] = [];
  for (const item of items) {
    if (buffer.length === want && compare(item, buffer[want - 1]!) >= 0) continue;
    buffer.push(item);
    if (buffer.length >= want * 2) buffer = buffer.sort(compare).slice(0, want);
  }
  return buffer.sort(compare).slice(0, want);
}

/** The source a result lists first (as `toResult` orders them), found without building the result. */
function firstSource(data: EngineData, members: Statement[]): { date: string; articleId: string; start: number } {
  if (members.length === 1) {
    const only = members[0]!;
    return { date: data.articles.get(only.articleId)!.published.value, articleId: only.articleId, start: only.start };
  }
  const perArticle = new Map<string, Statement>();
  for (const m of members) {
    const have = perArticle.get(m.articleId);
    if (!have || m.text.length > have.text.length) perArticle.set(m.articleId, m);
  }
  let first: { date: string; articleId: string; start: number } | null = null;
  for (const m of perArticle.values()) {
    const date = data.articles.get(m.articleId)!.published.value;
    if (!first || compareText(date, first.date) < 0 || (date === first.date && compareText(m.articleId, first.articleId) < 0)) {
      first = { date, articleId: m.articleId, start: m.start };
    }
  }
  return first!;
}

function toResult(data: EngineData, members: Statement[], score: number): Result {
  // One source an article: where an article has the remark twice, its fullest wording.
  const perArticle = new Map<string, Statement>();
  for (const m of members) {
    const have = perArticle.get(m.articleId);
    if (!have || m.text.length > have.text.length) perArticle.set(m.articleId, m);
  }
  const lead = [...perArticle.values()].sort((a, b) => b.text.length - a.text.length || a.id.localeCompare(b.id))[0]!;
  const sources: Source[] = [...perArticle.values()]
    .map((m) => sourceOf(data.articles.get(m.articleId)!, m))
    .sort((a, b) => compareText(a.date.value, b.date.value) || compareText(a.articleId, b.articleId));
  const speaker = lead.speakerId ? data.speakers.get(lead.speakerId) : undefined;
  return {
    id: lead.id,
    text: lead.text,
    kind: lead.kind,
    speaker: speaker ? speakerRef(speaker) : null,
    cue: lead.cue,
    sources,
    score: Math.round(score * 1000) / 1000,
  };
}

function sourceOf(a: Article, st: Statement): Source {
  return { articleId: a.id, outlet: a.outlet, title: a.title, url: a.url, date: a.published, statementId: st.id, text: st.text, start: st.start, end: st.end };
}

function describeFilters(q: Query): string {
  const parts: string[] = [];
  if (q.outlet) parts.push(`in ${q.outlet}`);
  if (q.dateText) parts.push(q.dateText);
  else if (q.dateFrom || q.dateTo) parts.push(`between ${q.dateFrom ?? 'the start'} and ${q.dateTo ?? 'now'}`);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

function mentionNote(data: EngineData, name: string): string {
  const needle = name.toLowerCase();
  let count = 0;
  for (const a of data.articles.values()) if (a.body.toLowerCase().includes(needle)) count++;
  return count ? ` ${name} is mentioned in ${count} article${count === 1 ? '' : 's'} but never quoted.` : '';
}

function topSpeakers(data: EngineData, n: number): Speaker[] {
  const counts = new Map<string, number>();
  for (const st of data.statements.values()) if (st.speakerId) counts.set(st.speakerId, (counts.get(st.speakerId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([id]) => data.speakers.get(id)!);
}

function suggestSpeakers(data: EngineData, topic: string | null): string[] {
  return topSpeakers(data, 3).map((s) => (topic ? `what did ${s.name} say about ${topic}?` : `what did ${s.name} say?`));
}

function suggestForSpeaker(data: EngineData, q: Query, name: string): string[] {
  const out = [`what did ${name} say?`];
  if (q.topic && (q.dateText || q.outlet)) out.unshift(`what did ${name} say about ${q.topic}?`);
  if (q.topic) out.push(`who said ${q.topic}?`);
  return out;
}

function suggestWithout(q: Query, name: string | null): string[] {
  const subject = name ? `what did ${name} say` : 'quotes';
  return [q.topic ? `${subject} about ${q.topic}?` : `${subject}?`, 'sources'];
}
