import type { SearchHit } from '../store/statement-search.js';
import type { Statement } from '../statements/statement.js';
import type { CorpusStore } from '../store/corpus-store.js';
import { RELEVANCE_FLOOR } from './rank-groups.js';

/** How many of the best topic matches (any speaker, in the speaker's articles) say which articles are about the topic. */
const TOPIC_HITS = 40;

/** The statements of one speaker, from the index when it can list them. */
async function statementsOfSpeaker(data: CorpusStore, speakerId: string): Promise<Statement[]> {
  if (data.reads) return await data.reads.statementsOfSpeaker(speakerId);
  if (data.lists) return data.lists.statementsOfSpeaker(speakerId);
  return [...data.statements.values()].filter((st) => st.speakerId === speakerId);
}

/**
 * When none of a speaker's statements has any word of the topic: the speaker's statements from their
 * articles that are about it (those with the best matches of the topic, whoever spoke), ranked by
 * how well their article matches; else every statement of theirs, to be listed newest first.
 * Never empty when the speaker has a statement within `articleIds`.
 */
export async function findClosestQuotes(
  data: CorpusStore,
  speakerId: string,
  text: string,
  articleIds: ReadonlySet<string> | null,
): Promise<{ hits: SearchHit[]; byTopicArticles: boolean }> {
  const own = (await statementsOfSpeaker(data, speakerId)).filter((st) => !articleIds || articleIds.has(st.articleId));
  if (own.length === 0) return { hits: [], byTopicArticles: false };
  // Only the speaker's own articles can give an answer: the topic is searched among them alone.
  const theirs = new Set(own.map((st) => st.articleId));
  const about = await data.search.search({ text, speakerIds: null, articleIds: theirs, directOnly: false, matchAll: false, floor: RELEVANCE_FLOOR });
  const articleScore = new Map<string, number>();
  for (const hit of about.slice(0, TOPIC_HITS)) {
    const st = hit.statement ?? data.statements.get(hit.id);
    if (st && !articleScore.has(st.articleId)) articleScore.set(st.articleId, hit.score);
  }
  const fromTopic = own.filter((st) => articleScore.has(st.articleId));
  if (fromTopic.length) {
    const hits = fromTopic.map((st) => ({ id: st.id, score: articleScore.get(st.articleId)!, statement: st }));
    return { hits: hits.sort((a, b) => b.score - a.score), byTopicArticles: true };
  }
  return { hits: own.map((st) => ({ id: st.id, score: 0, statement: st })), byTopicArticles: false };
}
