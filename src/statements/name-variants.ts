import { distance } from 'fastest-levenshtein';

/** Edits two spellings of one name may differ by: one for short names, two from eight letters. */
function allowedEdits(a: string, b: string): number {
  return Math.min(a.length, b.length) >= 8 ? 2 : 1;
}

/** True when two words are one spelt twice, allowing a slip ("Kristin" / "Kristen", "Water" / "Waters"). */
export function isVariantSpelling(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  // Short words differ by one letter too often to be slips: "Lee" / "Lea" are two people.
  if (Math.min(x.length, y.length) < 4 || x[0] !== y[0]) return false;
  return distance(x, y) <= allowedEdits(x, y);
}

function countIn(body: string, name: string): number {
  let n = 0;
  for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + name.length)) n++;
  return n;
}

/**
 * Full names an article gives one surname, with spelling slips folded: when every name differs from
 * the others only in a slip of the given name ("Kristin Wilkins" once, "Kristen Wilkins" twice), the
 * one the article uses most stands for all. Names of really different people are all kept.
 */
export function foldNameVariants(names: string[], body: string): string[] {
  if (names.length < 2) return names;
  const given = names.map((n) => n.split(/\s+/).slice(0, -1).join(' '));
  const alike = given.every((g) => given.every((h) => isVariantSpelling(g, h)));
  if (!alike) return names;
  let best = names[0]!;
  let most = -1;
  for (const name of names) {
    const n = countIn(body, name);
    if (n > most) {
      best = name;
      most = n;
    }
  }
  return [best];
}
