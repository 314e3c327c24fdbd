import type { KnownSpeaker } from '../question/parsed-question.js';
import type { Speaker } from '../statements/statement.js';

const CHAIR = /\b(chair|chairman|chairwoman|chairperson)\b/i;
/** Titles that read as well after their organisation: "chair of the NHS Alliance". */
const HEADS = new Set(['chair', 'chairman', 'chairwoman', 'chief', 'president', 'director', 'leader']);

/** Ways of writing one role: "NHS Alliance chair" is also "NHS Alliance chairman" and "chair of the NHS Alliance". */
function roleVariants(role: string): string[] {
  const out = new Set<string>();
  for (const part of role.split(/\s+and\s+|,\s*/)) {
    const p = part.trim().replace(/^(?:the|a|an)\s+/i, '').replace(/['’]s\b/g, '');
    const space = p.lastIndexOf(' ');
    if (space < 0) continue;
    const forms = CHAIR.test(p) ? ['chair', 'chairman', 'chairwoman'].map((c) => p.replace(CHAIR, c)) : [p];
    for (const f of forms) {
      out.add(f);
      const at = f.lastIndexOf(' ');
      const head = f.slice(0, at).trimEnd();
      const title = f.slice(at + 1);
      if (/^[A-Z]/.test(head) && HEADS.has(title.toLowerCase())) out.add(`${title} of the ${head}`);
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
  const variants = speakers.map((s) => s.roles.flatMap(roleVariants));
  const owners = new Map<string, number>();
  variants.forEach((list) => {
    for (const r of new Set(list.map((v) => v.toLowerCase()))) owners.set(r, (owners.get(r) ?? 0) + 1);
  });
  return speakers.map((s, i) => {
    const roles = variants[i]!.filter((r) => owners.get(r.toLowerCase()) === 1);
    return { id: s.id, name: s.name, aliases: roles.length ? [...new Set([...s.aliases, ...roles])] : s.aliases };
  });
}
