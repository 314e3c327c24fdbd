import type { Speaker } from '../statements/statement.js';

/** Words that make a role speak for the body it names: "director of Amnesty International", "Amnesty spokesperson". */
const SPEAKS_FOR = /\b(?:director|chief|head|president|chair(?:man|woman|person)?|spokes(?:man|woman|person)|secretary|executive|officer|leader|representative|researcher|campaigner|official|manager|founder)\b/i;
/** A role someone has left speaks for nobody now. */
const FORMER = /\b(?:former|ex-|then-|retired)/i;

/** The people whose roles speak for some body, with those roles in lower case: found once for each speaker map. */
const spokespeople = new WeakMap<Map<string, Speaker>, { size: number; people: Array<{ id: string; roles: string[] }> }>();

function peopleWithRoles(speakers: Map<string, Speaker>): Array<{ id: string; roles: string[] }> {
  const cached = spokespeople.get(speakers);
  // A store that grows its map in place (an article added) is read again.
  if (cached && cached.size === speakers.size) return cached.people;
  const people: Array<{ id: string; roles: string[] }> = [];
  for (const s of speakers.values()) {
    if (s.kind !== 'person') continue;
    const roles = s.roles.filter((r) => SPEAKS_FOR.test(r) && !FORMER.test(r)).map((r) => r.toLowerCase());
    if (roles.length) people.push({ id: s.id, roles });
  }
  spokespeople.set(speakers, { size: speakers.size, people });
  return people;
}

/**
 * Who speaks for a speaker: the speaker, and when it is a body, the people the articles give a
 * role in it ("Hong Kong director of Amnesty International Man-kei Tam" for Amnesty International).
 * Their quotes are shown under their own names, so nothing is put in the body's mouth.
 */
export function voicesOf(speakers: Map<string, Speaker>, speakerId: string): Set<string> {
  const out = new Set([speakerId]);
  const body = speakers.get(speakerId);
  if (!body || body.kind !== 'organisation') return out;
  for (const id of peopleOf(speakers, body.name)) out.add(id);
  return out;
}

/**
 * The people the articles give a role in a body named `name` (of two words or more: "the
 * Commission" could be any). Reads the few people with such roles, never every speaker.
 */
export function peopleOf(speakers: Map<string, Speaker>, name: string): string[] {
  const key = name.toLowerCase().replace(/^the\s+/, '');
  if (!key.includes(' ')) return [];
  return peopleWithRoles(speakers).filter((p) => p.roles.some((r) => containsPhrase(r, key))).map((p) => p.id);
}

function containsPhrase(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = text[at + phrase.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}
