import type { Statement } from '../statements/statement.js';
import type { SearchHit } from '../store/statement-search.js';
import { metaOf, type CorpusStore } from '../store/corpus-store.js';
import { compareText, firstSourceOf, keyOf } from '../store/list-by-date.js';

export { compareText, keyOf };

/** Reported speech ranks a little below the speaker's own words on the same terms. */
const INDIRECT_WEIGHT = 0.8;
/**
 * Results whose match scores under this share of the best match are dropped: they match the
 * surrounding paragraph only, noise next to a real match. Weights for reported speech and unknown
 * speakers order the rest; they do not decide what is relevant.
 */
export const RELEVANCE_FLOOR = 0.2;
/** The searches' own floor: low enough to return the neighbours of a real match, which `rankGroups` then weighs. */
export const SEARCH_FLOOR = RELEVANCE_FLOOR / 4;
/** How soon (in characters) after the speaker's reported speech a quotation must start to be kept under the floor. */
const NEIGHBOUR = 300;
/** Words nobody is known to have said rank below attributed ones. */
const UNATTRIBUTED_WEIGHT = 0.5;

/** A group to rank, with the keys its result will sort by: built into a result only when on the page. */
export interface Ranked {
  members: Statement[];
  score: number;
  /** The result's score as shown (rounded). */
  shown: number;
}

/** A ranked group with its first source (as `toResult` orders them): the date and place it sorts by. */
export interface Placed extends Ranked {
  date: string;
  articleId: string;
  start: number;
}

/** Verbatim words before reported speech when nothing else tells two results apart. */
const directFirst = (a: Placed, b: Placed): number => kindRank(a) - kindRank(b);
const kindRank = (g: Placed): number => (g.members[0]?.kind === 'direct' ? 0 : 1);
const byNewest = (a: Placed, b: Placed): number => compareText(b.date, a.date) || compareText(a.articleId, b.articleId) || directFirst(a, b) || a.start - b.start;
const byRelevance = (a: Placed, b: Placed): number => b.shown - a.shown || directFirst(a, b) || compareText(b.date, a.date);

/**
 * Groups the hits into results and orders them: the first `want` in order, and how many there are
 * in all. Only what can reach the page is sorted in full, so a common word costs little more than
 * a rare one.
 */
export function rankGroups(
  data: CorpusStore,
  hits: SearchHit[],
  byDate: boolean,
  articleIds: ReadonlySet<string> | null,
  want: number,
): { top: Placed[]; total: number } {
  const seen = new Map<object | string, Ranked & { match: number }>();
  let best = 0;
  for (const hit of hits) if (hit.score > best) best = hit.score;
  const floor = best * RELEVANCE_FLOOR;
  const near = new Set<object | string>();
  const add = (st: Statement, match: number, weak: boolean): void => {
    const group = data.groups.get(st.id) ?? { lead: st, members: [st] };
    const weight = (st.kind === 'indirect' ? INDIRECT_WEIGHT : 1) * (st.speakerId ? 1 : UNATTRIBUTED_WEIGHT);
    const score = match * weight;
    const key = keyOf(group, st);
    const entry = seen.get(key);
    if (entry) {
      // The best-matching sentence of a quotation is the one shown as its match.
      if (typeof key === 'string' && score > entry.score) entry.members = [st];
      entry.score = Math.max(entry.score, score);
      entry.match = Math.max(entry.match, match);
    } else {
      seen.set(key, { members: articleIds ? group.members.filter((m) => articleIds.has(m.articleId)) : group.members, score, shown: 0, match });
    }
    if (weak) near.add(key);
  };
  // Under the floor a hit matches only its surroundings: kept when it is the quotation that follows the same
  // speaker's reported speech on the topic ("Wilkins also said Warhol was a businessperson. “As a way to
  // commercialize his work …”"), the way news gives the gist, then the words.
  const strong = new Map<string, Map<string, number[]>>();
  const weak: Array<{ st: Statement; score: number }> = [];
  for (const hit of hits) {
    const st = hit.statement ?? data.statements.get(hit.id);
    if (!st) continue;
    if (hit.score < floor) {
      if (st.speakerId) weak.push({ st, score: hit.score });
      continue;
    }
    add(st, hit.score, false);
    if (!st.speakerId || st.kind !== 'indirect') continue;
    const bySpeaker = strong.get(st.articleId) ?? strong.set(st.articleId, new Map()).get(st.articleId)!;
    (bySpeaker.get(st.speakerId) ?? bySpeaker.set(st.speakerId, []).get(st.speakerId)!).push(st.end);
  }
  for (const { st, score } of weak) {
    if (st.kind === 'direct' && strong.get(st.articleId)?.get(st.speakerId!)?.some((end) => st.start >= end && st.start - end <= NEIGHBOUR)) add(st, score, true);
  }
  const kept: Ranked[] = [];
  for (const [key, g] of seen) {
    if (g.members.length > 0 && (best === 0 || g.match >= floor || near.has(key))) {
      g.shown = Math.round(g.score * 1000) / 1000;
      kept.push(g);
    }
  }
  const place = (g: Ranked): Placed => ({ ...g, ...firstSource(data, g.members) });
  if (byDate) return { top: selectTop(kept.map(place), want, byNewest), total: kept.length };
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
export function firstSource(data: CorpusStore, members: Statement[]): { date: string; articleId: string; start: number } {
  return firstSourceOf(members, (id) => metaOf(data, id)!.published.value);
}
