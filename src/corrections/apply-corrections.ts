import path from 'node:path';
import type { CorpusProblem } from '../corpus/corpus-problem.js';
import type { Speaker, Statement } from '../statements/statement.js';
import { CORRECTIONS_FILE, type Correction } from './corrections-file.js';

/** What a correction did to a statement, as results and the context page say it. */
export interface AppliedCorrection {
  label: string;
  correction: Correction;
}

/** The labels users see on a corrected result. */
export const CORRECTION_LABELS = {
  speaker: 'speaker corrected by an editor',
  reported_speech: 'marked as reported speech by an editor',
  not_a_quote: 'removed by an editor: not a quote',
} as const;

/** What applying the corrections changes: statements replaced or removed, speakers added, and stale corrections. */
export interface CorrectionPlan {
  replaced: Statement[];
  removed: string[];
  newSpeakers: Speaker[];
  applied: Map<string, AppliedCorrection>;
  problems: CorpusProblem[];
}

function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'speaker';
}

/**
 * Works out what the editors' corrections change, after extraction (so they survive re-extraction
 * and code changes): a statement is found by article and exact offsets; a correction whose span is
 * no longer a statement is reported as stale and changes nothing. The right speaker is matched to a
 * known speaker by name or alias, or added as a new one. Pure: the caller updates the index.
 */
export function planCorrections(
  corpusDir: string,
  corrections: Correction[],
  statements: ReadonlyMap<string, Statement>,
  speakers: ReadonlyMap<string, Speaker>,
): CorrectionPlan {
  const file = path.join(corpusDir, CORRECTIONS_FILE);
  const byName = new Map<string, Speaker>();
  // Full names first, so an alias another speaker shares never hides a speaker's own name.
  for (const sp of speakers.values()) if (!byName.has(sp.name.toLowerCase())) byName.set(sp.name.toLowerCase(), sp);
  for (const sp of speakers.values()) for (const n of sp.aliases) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), sp);
  const plan: CorrectionPlan = { replaced: [], removed: [], newSpeakers: [], applied: new Map(), problems: [] };
  corrections.forEach((c, i) => {
    const id = `${c.article}#${c.start}`;
    const st = statements.get(id);
    if (!st || st.end !== c.end) {
      plan.problems.push({
        file,
        field: `corrections[${i}]`,
        severity: 'warning',
        message: `stale: no statement at ${c.article} ${c.start}–${c.end} any more (the article or the extraction changed); check the article and update or remove this correction`,
      });
      return;
    }
    if (c.decision === 'not_a_quote') {
      plan.removed.push(id);
      plan.applied.set(id, { label: CORRECTION_LABELS.not_a_quote, correction: c });
      return;
    }
    if (c.decision === 'reported_speech') {
      plan.replaced.push({ ...st, kind: 'indirect', quotation: null });
      plan.applied.set(id, { label: CORRECTION_LABELS.reported_speech, correction: c });
      return;
    }
    const name = c.speaker!;
    let speaker = byName.get(name.toLowerCase());
    if (!speaker) {
      let sid = slug(name);
      for (let n = 2; speakers.has(sid) || plan.newSpeakers.some((s) => s.id === sid); n++) sid = `${slug(name)}-${n}`;
      speaker = { id: sid, name, kind: 'person', aliases: [name], roles: [] };
      plan.newSpeakers.push(speaker);
      byName.set(name.toLowerCase(), speaker);
    }
    // The editor corrected this sentence only: it is shown on its own, not inside a quotation whose other
    // sentences keep the old speaker.
    plan.replaced.push({ ...st, speakerId: speaker.id, cue: st.cue, quotation: null });
    plan.applied.set(id, { label: CORRECTION_LABELS.speaker, correction: c });
  });
  detachSiblings(plan, statements);
  return plan;
}

/**
 * The other sentences of a quotation an editor corrected part of lose their wider passage: shown
 * whole, the quotation would put the corrected (or removed) sentence under their speaker again.
 */
function detachSiblings(plan: CorrectionPlan, statements: ReadonlyMap<string, Statement>): void {
  const touched = new Set<string>();
  for (const id of plan.applied.keys()) {
    const q = statements.get(id)?.quotation;
    if (q) touched.add(`${id.slice(0, id.lastIndexOf('#'))}#${q.start}:${q.end}`);
  }
  if (!touched.size) return;
  for (const st of statements.values()) {
    if (!st.quotation || plan.applied.has(st.id) || !touched.has(`${st.articleId}#${st.quotation.start}:${st.quotation.end}`)) continue;
    plan.replaced.push({ ...st, quotation: null });
  }
}
