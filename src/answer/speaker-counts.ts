import type { CorpusStore } from '../store/corpus-store.js';

/** Statements per speaker: kept by a store that reads on demand, else counted. */
export function speakerCounts(data: CorpusStore): Map<string, number> {
  if (data.reads) return data.reads.speakerCounts();
  const counts = new Map<string, number>();
  for (const st of data.statements.values()) if (st.speakerId) counts.set(st.speakerId, (counts.get(st.speakerId) ?? 0) + 1);
  return counts;
}
