import { CodedError } from '../coded-error.js';
import type { Article } from '../corpus/article.js';
import { createQuestionParser } from '../question/parse-question.js';
import { KINDS, type EngineSnapshot, type SavedStatement } from '../search/engine-cache.js';
import { createArticleDateIndex } from '../search/article-dates-index.js';
import { IndexedStatementSearch } from '../search/indexed-search.js';
import type { IndexedStatement } from '../search/minisearch-search.js';
import type { Synonyms } from '../search/synonyms.js';
import { extractStatements, slugify, type Extraction } from '../statements/extract-statements.js';
import { segmentParagraphs } from '../statements/segment.js';
import type { Speaker, Statement } from '../statements/statement.js';
import { questionSpeakers } from '../answer/question-speakers.js';
import { statementContext } from '../answer/statement-context.js';
import { analyseText } from '../search/analyse-text.js';
import type { CorpusStore } from './corpus-store.js';
import { addToGroups, fullestOf, groupStatements, removeFromGroups, type StatementGroup } from './group-statements.js';

/**
 * The in-process store (the default): every article, statement and group in memory, searched
 * through the term index of `src/search/`, saved to and loaded from `<corpus>/.briefbot-cache/`.
 */
export interface EngineData extends CorpusStore {
  /** The default backend, when it is the one in use: what saving and in-place updates work on. */
  indexed?: IndexedStatementSearch;
}

/** Pairs each statement with what surrounds it (paragraph, rest of the quotation, list intro, headline), for the index's context field. */
export function withContext(articles: Article[], statements: Statement[]): IndexedStatement[] {
  const byArticle = new Map<string, Statement[]>();
  for (const st of statements) (byArticle.get(st.articleId) ?? byArticle.set(st.articleId, []).get(st.articleId)!).push(st);
  const out: IndexedStatement[] = [];
  for (const article of articles) {
    const list = byArticle.get(article.id);
    if (!list) continue;
    const paragraphs = segmentParagraphs(article.body);
    for (const statement of list) out.push({ statement, context: statementContext(article, paragraphs, statement) });
  }
  return out;
}

/** Prepares the question parser again after speakers were added outside extraction (an editor's correction). */
export function refreshQuestionContext(data: EngineData): void {
  Object.assign(data, contextOf(data.speakers.values(), data.articles.values()));
}

/** The question parser and date index of a corpus: what every store prepares from its speakers and articles. */
export function contextOf(speakers: Iterable<Speaker>, articles: Iterable<Article>): Pick<CorpusStore, 'questionContext' | 'parseQuestion' | 'articlesDated'> {
  const known = questionSpeakers([...speakers]);
  const list = [...articles];
  const questionContext = { speakers: known, outlets: [...new Set(list.map((a) => a.outlet))] };
  return { questionContext, parseQuestion: createQuestionParser(questionContext), articlesDated: createArticleDateIndex(list) };
}

/** Builds the engine's data from articles (extraction, grouping, index). */
export function buildEngineData(articles: Article[], synonyms: Synonyms, extraction?: Extraction): EngineData {
  const { statements, speakers } = extraction ?? extractStatements(articles);
  const search = IndexedStatementSearch.build(withContext(articles, statements), synonyms);
  return {
    articles: new Map(articles.map((a) => [a.id, a])),
    statements: new Map(statements.map((s) => [s.id, s])),
    speakers: new Map(speakers.map((s) => [s.id, s])),
    groups: groupStatements(statements),
    search,
    indexed: search,
    lists: search,
    terms: analyseText,
    ...contextOf(speakers, articles),
  };
}

/** The engine's data as a snapshot to save; needs the default backend. */
export function toSnapshot(data: EngineData, keys: { key: string; base: string }, files: EngineSnapshot['files']): EngineSnapshot {
  if (!data.indexed) throw new Error('only the default search backend can be saved');
  const articleIds = [...data.articles.keys()];
  const articleAt = new Map(articleIds.map((id, i) => [id, i]));
  const speakers = [...data.speakers.values()];
  const speakerAt = new Map(speakers.map((s, i) => [s.id, i]));
  const state = data.indexed.toState();
  const docs = state.docs.map((st): SavedStatement | null =>
    st ? [articleAt.get(st.articleId)!, st.start, st.end, st.kind === 'direct' ? 0 : 1, st.speakerId ? speakerAt.get(st.speakerId)! : -1, st.cue, st.quotation?.start ?? -1, st.quotation?.end ?? -1] : null,
  );
  const groups: number[][] = [];
  const seen = new Set<StatementGroup>();
  for (const group of data.groups.values()) {
    if (group.members.length < 2 || seen.has(group)) continue;
    seen.add(group);
    const doc = (st: Statement) => data.indexed!.docOfStatement(st.id)!;
    groups.push([doc(group.lead), ...group.members.map(doc)]);
  }
  return { ...keys, files, articleIds, speakers, docs, groups, index: state.index };
}

/** A saved snapshot whose statements do not fit the articles they name (a damaged or foreign cache). */
export class SnapshotMismatch extends CodedError<'INDEX_CACHE_MISMATCH'> {}

/**
 * Rebuilds engine data from a snapshot and the current articles. Statements of articles that are
 * gone or changed since the save are dropped; `changed` lists the articles to extract afresh.
 */
export function fromSnapshot(snapshot: EngineSnapshot, articles: Article[], synonyms: Synonyms, changed: ReadonlySet<string> = new Set()): EngineData {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const docs: Array<Statement | null> = [];
  const stale: number[] = [];
  snapshot.docs.forEach((saved, doc) => {
    if (!saved) return void docs.push(null);
    const [at, start, end, kind, speaker, cue, quoteStart, quoteEnd] = saved;
    const articleId = snapshot.articleIds[at]!;
    const speakerId = speaker >= 0 ? snapshot.speakers[speaker]!.id : null;
    const article = byId.get(articleId);
    if (!article || changed.has(articleId)) {
      stale.push(doc);
      return void docs.push(null);
    }
    if (end > article.body.length) throw new SnapshotMismatch('INDEX_CACHE_MISMATCH', `statement ${articleId}#${start} runs past its article`);
    docs.push({ id: `${articleId}#${start}`, articleId, text: article.body.slice(start, end), start, end, kind: KINDS[kind]!, speakerId, cue, quotation: quoteStart >= 0 ? { start: quoteStart, end: quoteEnd } : null });
  });
  const search = IndexedStatementSearch.fromState(snapshot.index, docs, synonyms, stale);
  const statements = new Map<string, Statement>();
  for (const st of docs) if (st) statements.set(st.id, st);
  const groups = new Map<string, StatementGroup>();
  for (const [lead, ...members] of snapshot.groups) {
    const live = members.map((d) => docs[d]).filter((st): st is Statement => st != null);
    if (!live.length) continue;
    const leader = lead === undefined ? null : docs[lead];
    const group = { lead: leader ?? fullestOf(live), members: live };
    for (const st of live) groups.set(st.id, group);
  }
  for (const st of statements.values()) if (!groups.has(st.id)) groups.set(st.id, { lead: st, members: [st] });
  const data: EngineData = {
    articles: byId,
    statements,
    speakers: new Map(snapshot.speakers.map((s) => [s.id, s])),
    groups,
    search,
    indexed: search,
    lists: search,
    terms: analyseText,
    ...contextOf(snapshot.speakers, articles),
  };
  const fresh = articles.filter((a) => changed.has(a.id));
  if (fresh.length) updateEngineData(data, { removed: [], added: fresh });
  return data;
}

/**
 * Updates engine data in place for added, changed or removed articles, without a full rebuild:
 * the new articles' statements are extracted, indexed and filed into the existing groups.
 * Speakers are matched to known ones by name. (A full build also learns names across the whole
 * corpus, so a surname alone may resolve differently there.)
 */
export function updateEngineData(data: EngineData, changes: { removed: string[]; added: Article[] }): void {
  const indexed = data.indexed;
  if (!indexed) throw new Error('only the default search backend can be updated in place');
  if (changes.removed.length || changes.added.length) delete data.browseOrder;
  const dropped: string[] = [];
  for (const id of [...changes.removed, ...changes.added.map((a) => a.id)]) {
    for (const st of indexed.statementsOfArticle(id)) {
      dropped.push(st.id);
      data.statements.delete(st.id);
    }
    data.articles.delete(id);
  }
  indexed.remove(dropped);
  removeFromGroups(data.groups, dropped);
  for (const a of changes.added) data.articles.set(a.id, a);

  const extraction = extractStatements(changes.added);
  const idOf = new Map<string, string>();
  const byName = new Map([...data.speakers.values()].map((s) => [s.name, s]));
  for (const sp of extraction.speakers) {
    const known = byName.get(sp.name);
    if (known) {
      idOf.set(sp.id, known.id);
      continue;
    }
    let id = slugify(sp.name);
    for (let n = 2; data.speakers.has(id); n++) id = `${slugify(sp.name)}-${n}`;
    idOf.set(sp.id, id);
    data.speakers.set(id, { ...sp, id });
  }
  const added = extraction.statements.map((st) => ({ ...st, speakerId: st.speakerId ? idOf.get(st.speakerId)! : null }));
  for (const st of added) data.statements.set(st.id, st);
  indexed.add(withContext(changes.added, added));
  addToGroups(data.groups, added, (st) => indexed.similarStatements(st));
  const outlets = new Set(data.questionContext.outlets);
  const newNames = data.speakers.size !== data.questionContext.speakers.length;
  if (newNames || changes.removed.length || changes.added.some((a) => !outlets.has(a.outlet))) {
    Object.assign(data, contextOf(data.speakers.values(), data.articles.values()));
  } else if (changes.added.length) {
    data.articlesDated = createArticleDateIndex(data.articles.values());
  }
}

