import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { analyseText } from './analyse-text.js';

const SynonymFileSchema = z.array(z.array(z.union([z.string(), z.number()]).transform(String)).min(2));

/** Groups of phrases that mean the same; each group is searched as one term. */
export class Synonyms {
  /** First stem of a phrase → the phrases starting with it (longest first) and their group term. */
  private readonly byFirst = new Map<string, Array<{ stems: string[]; term: string }>>();

  constructor(groups: string[][]) {
    groups.forEach((group, i) => {
      const term = `syn${i}${analyseText(group[0]!).join('')}`.replace(/[^a-z0-9&]/g, '');
      for (const phrase of group) {
        const stems = analyseText(phrase);
        if (!stems.length) continue;
        const list = this.byFirst.get(stems[0]!) ?? [];
        list.push({ stems, term });
        list.sort((a, b) => b.stems.length - a.stems.length);
        this.byFirst.set(stems[0]!, list);
      }
    });
  }

  /**
   * Replaces each synonym phrase in a list of stems by its group term. With `keep`, the original
   * stems stay and the group term is added (for indexing); without, the phrase becomes the term (for queries).
   */
  apply(stems: string[], keep: boolean): string[] {
    const out: string[] = [];
    for (let i = 0; i < stems.length; ) {
      const match = this.byFirst.get(stems[i]!)?.find((c) => c.stems.every((s, j) => stems[i + j] === s));
      if (match) {
        if (keep) out.push(...stems.slice(i, i + match.stems.length));
        out.push(match.term);
        i += match.stems.length;
      } else out.push(stems[i++]!);
    }
    return out;
  }
}

const BUILT_IN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'synonyms.yml');

/** Reads a synonyms file: a YAML list of groups. Throws with the file name when it is malformed. */
export function readSynonymFile(file: string): string[][] {
  const parsed = SynonymFileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')) ?? []);
  if (!parsed.success) throw new Error(`${file}: must be a list of groups, each a list of two or more phrases`);
  return parsed.data;
}

/** The built-in synonyms, extended by `<corpusDir>/synonyms.yml` when there is one. */
export function loadSynonyms(corpusDir: string | null): Synonyms {
  const groups = readSynonymFile(BUILT_IN);
  const extra = corpusDir ? path.join(corpusDir, 'synonyms.yml') : null;
  if (extra && existsSync(extra)) groups.push(...readSynonymFile(extra));
  return new Synonyms(groups);
}
