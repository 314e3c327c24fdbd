import { foldName, type SpeakerIndex } from './find-known-speakers.js';

/** Aliases shorter than this are matched exactly only: "Hunt" is not a typo of "Hung". */
const MIN_FUZZY_LENGTH = 5;

/**
 * The known speaker a misspelt name most likely means ("Dixn" → Michael Dixon): one edit away
 * (two for names of nine letters or more), and only when a single speaker is that close.
 */
export function findSimilarSpeaker(name: string, index: SpeakerIndex): string | null {
  const wanted = foldName(name);
  if (wanted.length < MIN_FUZZY_LENGTH - 1) return null;
  const allowed = wanted.length >= 9 ? 2 : 1;
  const close = new Set<string>();
  for (const { needle, speakerId } of index.all) {
    if (needle.length >= MIN_FUZZY_LENGTH && editDistanceWithin(wanted, needle, allowed)) close.add(speakerId);
  }
  return close.size === 1 ? ([...close][0] ?? null) : null;
}

/** Optimal string alignment distance (swaps count once), stopping early past `limit`. */
function editDistanceWithin(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previousRow: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousRow[j - 2] ?? 0) + 1);
      }
      next.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return false;
    previousRow = row;
    row = next;
  }
  return (row[b.length] ?? Infinity) <= limit;
}
