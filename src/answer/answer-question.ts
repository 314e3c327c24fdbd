import type { Article } from '../corpus/article.js';
import type { ArticleMeta } from '../store/corpus-store.js';
import { parseQuestion } from '../question/parse-question.js';
import { mergeFollowUp, type MergedFollowUp } from '../question/merge-follow-up.js';
import type { ParsedQuestion } from '../question/parsed-question.js';
import type { Speaker, Statement } from '../statements/statement.js';
import type { Answer, AskOptions, Interpretation, Result, Source, SpeakerRef, Unconfirmed } from './answer-schema.js';
import { findClosestQuotes } from './closest-quotes.js';
import { findPassages, unconfirmedPart } from './find-passages.js';
import { peopleOf, voicesOf } from './voices-of.js';
import { quotationOf } from './quotation-of.js';
import { overlaps } from './article-dates.js';
import { metaOf, type CorpusStore } from '../store/corpus-store.js';
import { fillView, isBroken, questionView } from './fill-view.js';
import { speakerCounts } from './speaker-counts.js';
import { answerCommand } from './answer-command.js';
import { browseNewest } from './browse-newest.js';
import { compareText, rankGroups, RELEVANCE_FLOOR, SEARCH_FLOOR, type Placed } from './rank-groups.js';

const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;

type Query = Extract<ParsedQuestion, { kind: 'query' }>;

/** Turns a speaker into the reference answers carry. */
export function speakerRef(s: Speaker): SpeakerRef {
  return { id: s.id, name: s.name, kind: s.kind, roles: s.roles };
}

/** Answers one question from the engine's data. Never throws on any input text. */
export async function answerQuestion(store: CorpusStore, question: string, options: AskOptions, now: Date): Promise<Answer> {
  const data = questionView(store);
  const parse = (text: string) => (data.parseQuestion ? data.parseQuestion(text, now) : parseQuestion(text, { ...data.questionContext, now }));
  const parsed = parse(question);
  if (parsed.kind === 'invalid') return { kind: 'invalid', reason: parsed.reason, message: parsed.message };
  if (parsed.kind === 'command') return await answerCommand(data, parsed.command);
  const followUp = options.previous ? mergeFollowUp(parsed.question, queryOf(options.previous), parse, options.previous.excludedSpeaker?.id ?? null) : null;
  const answer = await answerQuery(data, followUp?.query ?? parsed, options, followUp);
  if (answer.kind !== 'nothing' || !followUp?.carried.includes('topic') || followUp.excludeSpeakerId) return answer;
  // "and in 2012?" after "… about senates": nothing on the kept topic then, so the new part alone, saying so.
  const widened: MergedFollowUp = { ...followUp, query: { ...followUp.query, topic: null, phrase: null }, carried: followUp.carried.filter((c) => c !== 'topic') };
  const wider = await answerQuery(data, widened.query, options, widened);
  return wider.kind === 'results' ? { ...wider, note: `${answer.message} Without the topic:` } : answer;
}

/** The previous answer's interpretation as a query again, for a follow-up to build on. */
function queryOf(i: Interpretation): Query {
  return {
    kind: 'query',
    question: i.question,
    speakerId: i.speaker?.id ?? null,
    speakerQuery: i.speakerQuery,
    topic: i.topic,
    phrase: i.phrase,
    dateFrom: i.dateFrom,
    dateTo: i.dateTo,
    dateText: i.dateText,
    outlet: i.outlet,
    sort: i.sort,
  };
}

function interpretationOf(data: CorpusStore, q: Query): Interpretation {
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

/** A whole number from an option, or the fallback when it is missing or not a finite number. */
function wholeOption(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
}

async function answerQuery(data: CorpusStore, q: Query, options: AskOptions, followUp: MergedFollowUp | null = null): Promise<Answer> {
  const interpretation = interpretationOf(data, q);
  const excluded = followUp?.excludeSpeakerId ? data.speakers.get(followUp.excludeSpeakerId) : undefined;
  if (followUp) {
    interpretation.carried = followUp.carried;
    if (excluded) interpretation.excludedSpeaker = speakerRef(excluded);
  }
  const limit = Math.min(Math.max(1, wholeOption(options.limit, DEFAULT_LIMIT)), MAX_LIMIT);
  const asked = Math.max(0, wholeOption(options.offset, 0));
  const nothing = (message: string, suggestions: string[], unconfirmed?: Unconfirmed): Answer => ({
    kind: 'nothing',
    interpretation,
    message,
    suggestions,
    ...(unconfirmed ? { unconfirmed } : {}),
  });

  const filtered = q.dateFrom || q.dateTo || q.outlet;
  const within = (a: ArticleMeta | undefined): boolean => !!a && overlaps(a.published, q.dateFrom, q.dateTo) && (!q.outlet || a.outlet === q.outlet);
  // A named speaker's few articles are checked against the dates, not every article of the range.
  const speakerArticles = !filtered || !q.speakerId ? null : data.reads ? await data.reads.articlesOfSpeaker(q.speakerId) : data.lists ? data.lists.articlesOfSpeaker(q.speakerId) : null;
  if (speakerArticles) await fillView(data, { meta: speakerArticles });
  const articleIds = !filtered
    ? null
    : speakerArticles
      ? new Set([...speakerArticles].filter((id) => within(metaOf(data, id))))
      : data.reads
        ? await data.reads.articlesDated(q.dateFrom, q.dateTo, q.outlet)
        : data.articlesDated
          ? data.articlesDated(q.dateFrom, q.dateTo, q.outlet)
          : new Set([...data.articles.values()].filter(within).map((a) => a.id));
  const text = q.phrase ?? q.topic;

  // A body never quoted itself may be through its people: "Hong Kong director of Amnesty International Man-kei Tam".
  const bodyPeople = q.speakerQuery && !q.speakerId ? peopleOf(data.speakers, q.speakerQuery) : [];
  const bodyNote = bodyPeople.length ? `${q.speakerQuery} is not quoted itself; these are the words of people the articles name in a role there.` : null;
  if (q.speakerQuery && !q.speakerId && !bodyPeople.length) {
    // Nobody of that name is quoted: what the articles say around the name, apart and labelled.
    const passages = await findPassages(data, [q.speakerQuery], text, articleIds);
    return nothing(`No quotes from ${q.speakerQuery} in the corpus.${await mentionNote(data, q.speakerQuery)}`, suggestSpeakers(data, q.topic), unconfirmedPart(q.speakerQuery, text, passages));
  }
  const speakerName = interpretation.speaker?.name ?? null;
  const where = describeFilters(q);
  if (articleIds && articleIds.size === 0 && !speakerArticles) {
    return nothing(`No articles ${where.trim()} in the corpus.`, suggestWithout(q, speakerName));
  }
  // A body speaks through its people too: "what has Amnesty said" finds its director's words, under the director's name.
  const speakerIds = q.speakerId ? voicesOf(data.speakers, q.speakerId) : bodyPeople.length ? new Set(bodyPeople) : null;
  const page = async (ranked: { top: Placed[]; total: number }, note: string | null, unconfirmed?: Unconfirmed): Promise<Answer> => {
    if (ranked.total === 0) return nothing(`No quotes${where} in the corpus.`, suggestWithout(q, speakerName), unconfirmed);
    // Past the last result ("More results" on an old message): the last page, said so.
    const offset = asked >= ranked.total ? Math.max(0, Math.floor((ranked.total - 1) / limit) * limit) : asked;
    const past = asked >= ranked.total && asked > 0;
    const pastNote = past ? `There ${ranked.total === 1 ? 'is only 1 result' : `are only ${ranked.total} results`}; this is the last page.` : null;
    // A body's answer that shows its people's words says so, beside each result's own speaker.
    const viaPeople = !bodyNote && q.speakerId && speakerName && ranked.top.some((g) => g.members.some((m) => m.speakerId !== q.speakerId));
    const peopleNote = viaPeople ? `Includes the words of people the articles name in a role at ${speakerName}.` : null;
    const shown = ranked.top.slice(offset, offset + limit);
    const fit = await readLeads(data, shown);
    return {
      kind: 'results',
      interpretation,
      results: fit.map((r) => toResult(data, r.members, r.score)),
      total: ranked.total,
      offset,
      limit,
      note: [pastNote, bodyNote, peopleNote, note].filter(Boolean).join(' ') || null,
      ...(unconfirmed ? { unconfirmed } : {}),
    };
  };
  const want = asked + limit;
  // Every quote (of some dates or an outlet), newest first: read in date order, not searched.
  const browsed = !text && !speakerIds ? await browseNewest(data, articleIds, want) : null;
  if (browsed && browsed.total > 0) return await page(browsed, null);
  let note: string | null = null;
  const textOnly = q.phrase !== null;
  // A speaker's question reads their few statements: low enough a floor to find the quotation after their
  // matching reported speech costs nothing there, and would cost every topic-only question much.
  const floor = speakerIds ? SEARCH_FLOOR : RELEVANCE_FLOOR;
  let hits = await data.search.search({ text, speakerIds, articleIds, directOnly: textOnly, matchAll: true, textOnly, floor });
  if (hits.length === 0 && q.phrase) {
    hits = await data.search.search({ text, speakerIds, articleIds, directOnly: false, matchAll: true, textOnly, floor });
  }
  if (hits.length === 0 && text && !q.phrase) {
    hits = await data.search.search({ text, speakerIds, articleIds, directOnly: false, matchAll: false, floor });
    if (hits.length) note = `No statement has every word of "${text}"; these have some of them.`;
  }
  // "who else said that?": other named speakers only.
  if (followUp?.excludeSpeakerId) {
    const other = (id: string | null | undefined) => id != null && id !== followUp.excludeSpeakerId;
    hits = hits.filter((h) => other((h.statement ?? data.statements.get(h.id))?.speakerId));
  }
  let byDate = q.sort === 'newest' || !text;
  let unconfirmed: Unconfirmed | undefined;
  // A follow-up that kept the topic is widened without it instead (in answerQuestion).
  if (hits.length === 0 && text && q.speakerId && speakerName && !followUp?.carried.includes('topic')) {
    // Never a bare "no quotes" when the speaker has some: theirs closest to the topic, said so,
    // and apart from them, labelled, what the articles say around their name about it.
    const closest = await findClosestQuotes(data, q.speakerId, text, articleIds);
    hits = closest.hits;
    byDate = !closest.byTopicArticles;
    const none = `None of ${speakerName}'s quotes${where} has the words of "${text}"`;
    note = closest.byTopicArticles ? `${none}; these are ${speakerName}'s quotes from articles about it.` : `${none}; these are ${speakerName}'s latest quotes.`;
    const speaker = data.speakers.get(q.speakerId);
    const names = [q.speakerQuery ?? speakerName, speakerName, ...(speaker?.aliases ?? [])];
    unconfirmed = unconfirmedPart(q.speakerQuery ?? speakerName, text, await findPassages(data, names, text, articleIds));
  }
  if (hits.length === 0) {
    const who = speakerName ? `No quotes from ${speakerName}` : 'No quotes';
    const about = text ? ` ${q.phrase ? 'with the words' : 'about'} "${text}"` : '';
    return nothing(`${who}${about}${where} in the corpus.`, speakerName ? suggestForSpeaker(data, q, speakerName) : suggestSpeakers(data, text));
  }
  // A store that reads on demand reads the hits' groups and their articles' dates before ranking.
  await fillView(data, { hits: hits.flatMap((h) => (h.statement ? [h.statement] : [])) });
  // A hit whose article's row does not fit is not served.
  const served = hits.filter((h) => !isBroken(data, h.id));
  return await page(rankGroups(data, served, byDate, articleIds, want), note, unconfirmed);
}

/** One result from a group of statements: the same remark, one source an article. */
/**
 * The shown results with their leads' articles read whole (a store that reads on demand reads them
 * now). A statement that turns out not to fit its article is left out, and its result shows the next
 * fullest wording, or is dropped when none is left.
 */
async function readLeads(data: CorpusStore, shown: Array<{ members: Statement[]; score: number }>): Promise<Array<{ members: Statement[]; score: number }>> {
  let fit = shown.map((r) => ({ members: r.members, score: r.score }));
  for (let round = 0; round < 3; round++) {
    await fillView(data, { bodies: fit.map((r) => leadOf(r.members).articleId) });
    fit = fit.map((r) => ({ ...r, members: r.members.filter((m) => !isBroken(data, m.id)) })).filter((r) => r.members.length > 0);
    if (fit.every((r) => data.articles.has(leadOf(r.members).articleId))) break;
  }
  return fit.filter((r) => data.articles.has(leadOf(r.members).articleId));
}

/** One source an article: where an article has the remark twice, its fullest wording. */
function perArticleOf(members: Statement[]): Map<string, Statement> {
  const perArticle = new Map<string, Statement>();
  for (const m of members) {
    const have = perArticle.get(m.articleId);
    if (!have || m.text.length > have.text.length) perArticle.set(m.articleId, m);
  }
  return perArticle;
}

/** The statement a result shows of its group: the fullest wording. */
export function leadOf(members: Statement[]): Statement {
  return [...perArticleOf(members).values()].sort((a, b) => b.text.length - a.text.length || a.id.localeCompare(b.id))[0]!;
}

export function toResult(data: CorpusStore, members: Statement[], score: number): Result {
  const perArticle = perArticleOf(members);
  const lead = leadOf(members);
  const sources: Source[] = [...perArticle.values()]
    .map((m) => sourceOf(metaOf(data, m.articleId)!, m))
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
    quotation: quotationOf(data.articles.get(lead.articleId)!.body, lead),
    ...(data.corrections?.has(lead.id) ? { correction: data.corrections.get(lead.id)!.label } : {}),
  };
}

function sourceOf(a: ArticleMeta, st: Statement): Source {
  return { articleId: a.id, outlet: a.outlet, title: a.title, url: a.url, date: a.published, statementId: st.id, text: st.text, start: st.start, end: st.end };
}

function describeFilters(q: Query): string {
  const parts: string[] = [];
  if (q.outlet) parts.push(`in ${q.outlet}`);
  if (q.dateText) parts.push(q.dateText);
  else if (q.dateFrom || q.dateTo) parts.push(`between ${q.dateFrom ?? 'the start'} and ${q.dateTo ?? 'now'}`);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

async function mentionNote(data: CorpusStore, name: string): Promise<string> {
  const needle = name.toLowerCase();
  let count = 0;
  if (data.reads) count = await data.reads.mentions(needle);
  else for (const a of data.articles.values()) if (a.body.toLowerCase().includes(needle)) count++;
  return count ? ` ${name} is mentioned in ${count} article${count === 1 ? '' : 's'} but never quoted.` : '';
}

function topSpeakers(data: CorpusStore, n: number): Speaker[] {
  const counts = speakerCounts(data);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([id]) => data.speakers.get(id)!);
}

function suggestSpeakers(data: CorpusStore, topic: string | null): string[] {
  return topSpeakers(data, 3).map((s) => (topic ? `what did ${s.name} say about ${topic}?` : `what did ${s.name} say?`));
}

function suggestForSpeaker(data: CorpusStore, q: Query, name: string): string[] {
  const out = [`what did ${name} say?`];
  if (q.topic && (q.dateText || q.outlet)) out.unshift(`what did ${name} say about ${q.topic}?`);
  if (q.topic) out.push(`who said ${q.topic}?`);
  return out;
}

function suggestWithout(q: Query, name: string | null): string[] {
  const subject = name ? `what did ${name} say` : 'quotes';
  return [q.topic ? `${subject} about ${q.topic}?` : `${subject}?`, 'sources'];
}
