import type { ArticleAnalysis } from './analyse-article.js';
import { TITLE_WORDS, type SpeakerPhrase } from './speaker-phrase.js';

/** A speaker as the registry knows it while statements are being attributed. */
export interface SpeakerEntry {
  key: string;
  name: string;
  kind: 'person' | 'organisation';
  aliases: Set<string>;
  roles: Set<string>;
  roleKeys: Set<string>;
  articles: Set<string>;
}

const ROLE_SYNONYMS: Record<string, string> = { chairman: 'chair', chairwoman: 'chair', chairperson: 'chair', spokesman: 'spokesperson', spokeswoman: 'spokesperson', head: 'chief', leader: 'chief' };

/**
 * Reduces a role to comparable keys, one per coordinated part: "Chairman of the NHS Alliance",
 * "NHS Alliance chair" and "Alliance chairman" all give "chair|alliance".
 */
export function roleKeys(role: string): string[] {
  const keys: string[] = [];
  for (const raw of role.split(/\s+and\s+|,\s*/)) {
    let part = raw.toLowerCase().replace(/[’']s\b/g, '').replace(/^(?:the|a|an|its|their|his|her)\s+/, '').trim();
    const of = /^(.*?)\s+of\s+(?:the\s+)?(.+)$/.exec(part);
    if (of) part = `${of[2]} ${of[1]}`;
    const words = part.split(/\s+/).filter(Boolean);
    const titleIndex = words.findLastIndex((w) => TITLE_WORDS.has(w));
    if (titleIndex < 0) continue;
    const title = ROLE_SYNONYMS[words[titleIndex]!] ?? words[titleIndex]!;
    const org = words.slice(0, words.findIndex((w) => TITLE_WORDS.has(w))).filter((w) => !/^(?:nhs|the|national|new|former)$/.test(w));
    keys.push(`${title}|${org[org.length - 1] ?? ''}`);
  }
  return keys;
}

/** A name as a registry key: lower case, straight apostrophes, single spaces. Most names need only lower-casing: the rest is done when needed. */
function keyOf(name: string): string {
  let key = name.toLowerCase();
  // "Erdoğan" and "Erdogan" are one person: letters lose their accents in keys.
  if (/[^\x00-\x7f]/.test(key)) key = key.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  if (key.includes('’')) key = key.replace(/’/g, "'");
  // trim() removes exactly the characters \s matches, so a name without any needs neither step.
  if (/\s/.test(key)) key = key.replace(/\s+/g, ' ').trim();
  return key;
}
const lastWord = (name: string): string => keyOf(name).split(' ').pop()!.replace(/s$/, '');

/** Everyone the corpus names, built from all articles before any statement is attributed. */
export class SpeakerRegistry {
  readonly entries = new Map<string, SpeakerEntry>();
  private readonly surnames = new Map<string, Set<string>>();
  private readonly roles = new Map<string, Set<string>>();
  /** The keys of the entries that name each article in their `articles`: a role is looked up among a few, not among all its holders. */
  private readonly named = new Map<string, Set<string>>();
  readonly acronyms = new Map<string, string>();

  /** Adds what one article says of people and organisations. */
  learn(analysis: ArticleAnalysis): void {
    for (const [acr, full] of analysis.acronyms) if (!this.acronyms.has(acr)) this.acronyms.set(acr, full);
    for (const { phrase } of analysis.mentions) {
      if (phrase.name.includes(' ')) this.addPerson(phrase.name, analysis.article.id, phrase.role);
    }
    for (const p of analysis.paragraphs) for (const s of p.sentences) for (const c of s.cues) {
      if (c.phrase.type === 'person' && c.phrase.name.includes(' ') && c.appositive) this.addPerson(c.phrase.name, analysis.article.id, c.appositive);
    }
  }

  /** Records a person by full name, with a role when the text gives one. */
  addPerson(name: string, articleId: string, role: string | null): SpeakerEntry {
    const key = keyOf(name);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, name, kind: 'person', aliases: new Set([name]), roles: new Set(), roleKeys: new Set(), articles: new Set() };
      this.entries.set(key, entry);
      const surname = keyOf(name).split(' ').pop()!;
      if (!this.surnames.has(surname)) this.surnames.set(surname, new Set());
      this.surnames.get(surname)!.add(key);
    }
    this.noteArticle(entry, articleId);
    if (role) {
      const keys = roleKeys(role);
      if (keys.length) entry.roles.add(role.replace(/^(?:the|a|an)\s+/i, ''));
      for (const k of keys) {
        entry.roleKeys.add(k);
        if (!this.roles.has(k)) this.roles.set(k, new Set());
        this.roles.get(k)!.add(key);
      }
    }
    return entry;
  }

  /** Records an organisation under its fullest known name. */
  addOrganisation(name: string, alias: string | null): SpeakerEntry {
    const full = this.acronyms.get(name) ?? name;
    const key = keyOf(full);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, name: full, kind: 'organisation', aliases: new Set([full]), roles: new Set(), roleKeys: new Set(), articles: new Set() };
      for (const [acr, f] of this.acronyms) if (keyOf(f) === key) entry.aliases.add(acr);
      this.entries.set(key, entry);
    }
    if (alias) entry.aliases.add(alias);
    return entry;
  }

  /** People with this surname anywhere in the corpus. */
  bySurname(surname: string): string[] {
    return [...(this.surnames.get(keyOf(surname)) ?? [])];
  }

  /** Records that an article names a speaker; the only way an entry's `articles` grows. */
  noteArticle(entry: SpeakerEntry, articleId: string): void {
    entry.articles.add(articleId);
    (this.named.get(articleId) ?? this.named.set(articleId, new Set()).get(articleId)!).add(entry.key);
  }

  /**
   * The one person a role can mean in an article: the only holder the article names, else the
   * only holder in the corpus; null when there are several or none. Works from the few speakers the
   * article names, never through every holder of a common role.
   */
  roleHolder(role: string, articleId: string): string | null {
    const holders = roleKeys(role).map((k) => this.roles.get(k)).filter((set) => set !== undefined);
    let here: string | null = null;
    for (const key of this.named.get(articleId) ?? []) {
      if (!holders.some((set) => set.has(key))) continue;
      if (here !== null) return null;
      here = key;
    }
    if (here !== null) return here;
    // Across the corpus only a role tied to a body ("the NHS Alliance chair") is one person: "the mayor" is many.
    if (roleKeys(role).every((k) => k.endsWith('|'))) return null;
    let only: string | null = null;
    for (const set of holders) for (const key of set) {
      if (only !== null && key !== only) return null;
      only = key;
    }
    return only;
  }

  /** Organisations whose name ends like `word` ("Board" → "NHS Commissioning Board"). */
  organisationsEndingWith(word: string): string[] {
    const w = lastWord(word);
    return [...this.entries.values()].filter((e) => e.kind === 'organisation' && lastWord(e.name) === w).map((e) => e.key);
  }
}

export { keyOf, lastWord };
export type { SpeakerPhrase };
