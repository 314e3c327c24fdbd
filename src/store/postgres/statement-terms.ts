import { createTextAnalyser } from '../../search/analyse-text.js';
import type { Synonyms } from '../../search/synonyms.js';

/** Term counts of one field, as the in-process index counts them (length: distinct terms). */
export interface FieldTerms {
  counts: Record<string, number>;
  length: number;
}

const MAX_COUNT = 65535;

/**
 * The analyser the in-process index uses (stemming, stop words, synonyms folded into their group
 * term), turned into term counts per field: the PostgreSQL store keeps the same terms, so both
 * stores rank on the same numbers.
 */
export function createFieldAnalyser(synonyms: Synonyms): (text: string) => FieldTerms {
  const analyse = createTextAnalyser();
  return (text) => {
    const counts: Record<string, number> = Object.create(null);
    let length = 0;
    for (const term of synonyms.apply(analyse(text), true)) {
      if (counts[term] === undefined) {
        counts[term] = 1;
        length++;
      } else if (counts[term] < MAX_COUNT) counts[term]++;
    }
    return { counts: { ...counts }, length: Math.min(length, MAX_COUNT) };
  };
}
