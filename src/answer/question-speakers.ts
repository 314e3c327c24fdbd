import type { KnownSpeaker } from '../question/parsed-question.js';
import type { Speaker } from '../statements/statement.js';

const CHAIR = /\b(chair|chairman|chairwoman|chairperson)\b/i;

/** Ways of writing one role: "NHS Alliance chair" is also "NHS Alliance chairman" and "chair of the NHS Alliance". */
function roleVariants(role: string): string[] {
  const out = new Set<string>();
  for (const part of role.split(/\s+and\s+|,\s*/)) {
    const p = part.trim().replace(/^(?:the|a|an)\s+/i, '').replace(/['’]s\b/g, '');
    if (p.split(/\s+/).length < 2) continue;
    const forms = CHAIR.test(p) ? ['chair', 'chairman', 'chairwoman'].map((c) => p.replace(CHAIR, c)) : [p];
    for (const f of forms) {
      out.add(f);
      const m = /^(.+?)\s+(\S+)$/.exec(f);
      if (m && /^[A-Z]/.test(m[1]!) && /^(?:chair|chairman|chairwoman|chief|president|director|leader)$/i.test(m[2]!)) out.add(`${m[2]} of the ${m[1]}`);
    }
  }
  return [...out];
}

/**
 * The names a question may use for each speaker: the aliases from the articles, and the roles the
 * articles give only that speaker ("the health secretary", "the NHS Alliance chairman"). A role
 * two speakers share names neither.
 */
export function questionSpeakers(speakers: Speaker[]): KnownSpeaker[] {
  const owners = new Map<string, Set<string>>();
  for (const s of speakers) {
    for (const r of s.roles.flatMap(roleVariants)) {
      const key = r.toLowerCase();
      (owners.get(key) ?? owners.set(key, new Set()).get(key)!).add(s.id);
    }
  }
  return speakers.map((s) => {
    const roles = s.roles.flatMap(roleVariants).filter((r) => owners.get(r.toLowerCase())!.size === 1);
    return { id: s.id, name: s.name, aliases: [...new Set([...s.aliases, ...roles])] };
  });
}
