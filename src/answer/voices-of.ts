import type { Speaker } from '../statements/statement.js';

/** A body's people, by the body's name (lower case): found once for each speaker map. */
const cache = new WeakMap<Map<string, Speaker>, Map<string, string[]>>();

/** Words that make a role speak for the body it names: "director of Amnesty International", "Amnesty spokesperson". */
const SPEAKS_FOR = /\b(?:director|chief|head|president|chair(?:man|woman|person)?|spokes(?:man|woman|person)|secretary|executive|officer|leader|representative|researcher|campaigner|official|manager|founder)\b/i;

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
 * Commission" could be any), found once for each speaker map and name.
 */
export function peopleOf(speakers: Map<string, Speaker>, name: string): string[] {
  const key = name.toLowerCase().replace(/^the\s+/, '');
  if (!key.includes(' ')) return [];
  let byBody = cache.get(speakers);
  if (!byBody) {
    byBody = new Map();
    cache.set(speakers, byBody);
  }
  let people = byBody.get(key);
  if (!people) {
    people = [];
    for (const s of speakers.values()) {
      if (s.kind === 'person' && s.roles.some((r) => SPEAKS_FOR.test(r) && containsPhrase(r.toLowerCase(), key))) people.push(s.id);
    }
    byBody.set(key, people);
  }
  return people;
}

function containsPhrase(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = text[at + phrase.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}
