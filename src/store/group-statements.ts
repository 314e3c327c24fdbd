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

/**
 * Files new statements into existing groups, for an in-place update: each joins the group of a
 * candidate (a statement of the same speaker sharing its words) whose lead it repeats, or takes
 * over as lead a group whose lead it contains in full; otherwise it starts a group. This matches
 * `groupStatements` on the same statements except in rare chains; a full build regroups exactly.
 */
export function addToGroups(groupOf: Map<string, StatementGroup>, statements: Statement[], candidatesOf: (st: Statement) => Statement[]): void {
  const words = new Map(statements.map((st) => [st.id, splitWords(st.text)]));
  const sorted = [...statements].sort((x, y) => words.get(y.id)!.length - words.get(x.id)!.length || x.id.localeCompare(y.id));
  for (const st of sorted) {
    const w = words.get(st.id)!;
    let home: StatementGroup | null = null;
    if (st.speakerId) {
      const sh = shingles(w);
      const seen = new Set<StatementGroup>();
      for (const other of candidatesOf(st)) {
        const group = groupOf.get(other.id);
        if (!group || seen.has(group) || other.kind !== st.kind || other.speakerId !== st.speakerId || group.lead.id === st.id) continue;
        seen.add(group);
        const lw = splitWords(group.lead.text);
        if (lw.length >= w.length && isSameRemark(w, lw, sh, new Set(shingles(lw)))) {
          home = group;
          break;
        }
        if (lw.length < w.length && isSameRemark(lw, w, shingles(lw), new Set(sh))) {
          group.lead = st;
          home = group;
          break;
        }
      }
    }
    if (home) home.members.push(st);
    groupOf.set(st.id, home ?? { lead: st, members: [st] });
  }
}

/** Takes statements out of their groups; a group that loses its lead is led by its fullest remaining member. */
export function removeFromGroups(groupOf: Map<string, StatementGroup>, ids: Iterable<string>): void {
  for (const id of ids) {
    const group = groupOf.get(id);
    groupOf.delete(id);
    if (!group) continue;
    group.members = group.members.filter((m) => m.id !== id);
    if (group.lead.id === id && group.members.length) group.lead = fullestOf(group.members);
  }
}

/** The member `groupStatements` would make lead: most words, then the first id. */
export function fullestOf(members: Statement[]): Statement {
  const sized = members.map((st) => ({ st, n: splitWords(st.text).length }));
  sized.sort((x, y) => y.n - x.n || x.st.id.localeCompare(y.st.id));
  return sized[0]!.st;
}
