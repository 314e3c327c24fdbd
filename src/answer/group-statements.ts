import { splitWords } from '../search/analyse-text.js';
import type { Statement } from '../statements/statement.js';

/** Statements that are one remark reported by several articles (or quoted in part and in full). */
export interface StatementGroup {
  /** The fullest wording: the member shown. */
  lead: Statement;
  members: Statement[];
}

const SHINGLE = 3;

function shingles(words: string[]): string[] {
  if (words.length < SHINGLE) return [words.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) out.push(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** True when `short` is the same remark as `long`: a part of it word for word, or nearly all of it. */
function isSameRemark(short: string[], long: string[], shortShingles: string[], longShingles: Set<string>): boolean {
  const a = ` ${short.join(' ')} `;
  const b = ` ${long.join(' ')} `;
  if (b.includes(a)) return true;
  if (short.length < 8) return false;
  const shared = shortShingles.filter((s) => longShingles.has(s)).length;
  return shared / shortShingles.length >= 0.7;
}

/**
 * Groups each speaker's statements that are the same remark: the same words in several outlets,
 * or a fragment quoted in one and in full in another. Only statements of the same speaker and
 * kind are grouped, and never those whose speaker is unknown.
 */
export function groupStatements(statements: Statement[]): Map<string, StatementGroup> {
  const groupOf = new Map<string, StatementGroup>();
  const bySpeaker = new Map<string, Statement[]>();
  for (const st of statements) {
    if (!st.speakerId) {
      groupOf.set(st.id, { lead: st, members: [st] });
      continue;
    }
    const key = `${st.speakerId}|${st.kind}`;
    (bySpeaker.get(key) ?? bySpeaker.set(key, []).get(key)!).push(st);
  }
  for (const list of bySpeaker.values()) {
    const words = new Map(list.map((st) => [st.id, splitWords(st.text)]));
    const sorted = [...list].sort((x, y) => words.get(y.id)!.length - words.get(x.id)!.length || x.id.localeCompare(y.id));
    type Lead = { group: StatementGroup; words: string[]; shingles: Set<string>; order: number };
    const leads: Lead[] = [];
    const leadsByShingle = new Map<string, Lead[]>();
    // Leads by each word and each pair of adjacent words, for fragments of one or two words. The
    // list is longest first, so these are only built when the first such fragment comes.
    let leadsByPart: Map<string, Lead[]> | null = null;
    const addParts = (lead: Lead) => {
      const keys = new Set<string>(lead.words.length ? lead.words : ['']);
      for (let i = 0; i + 1 < lead.words.length; i++) keys.add(`${lead.words[i]} ${lead.words[i + 1]}`);
      for (const k of keys) (leadsByPart!.get(k) ?? leadsByPart!.set(k, []).get(k)!).push(lead);
    };
    for (const st of sorted) {
      const w = words.get(st.id)!;
      const sh = shingles(w);
      const candidates = new Set(sh.flatMap((s) => leadsByShingle.get(s) ?? []));
      // A fragment of under three words has no three-word shingle: find the leads that contain it.
      if (w.length < SHINGLE) {
        if (!leadsByPart) {
          leadsByPart = new Map();
          for (const l of leads) addParts(l);
        }
        const extra = (leadsByPart.get(w.join(' ')) ?? []).filter((l) => !candidates.has(l));
        for (const l of extra.sort((a, b) => a.order - b.order)) candidates.add(l);
      }
      const home = [...candidates].find((l) => isSameRemark(w, l.words, sh, l.shingles));
      if (home) {
        home.group.members.push(st);
        groupOf.set(st.id, home.group);
        continue;
      }
      const entry: Lead = { group: { lead: st, members: [st] }, words: w, shingles: new Set(sh), order: leads.length };
      leads.push(entry);
      if (leadsByPart) addParts(entry);
      for (const s of sh) (leadsByShingle.get(s) ?? leadsByShingle.set(s, []).get(s)!).push(entry);
      groupOf.set(st.id, entry.group);
    }
  }
  return groupOf;
}
