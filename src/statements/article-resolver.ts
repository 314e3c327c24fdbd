import { escapeRegExp } from './escape-reg-exp.js';
import type { ArticleAnalysis } from './analyse-article.js';
import { describedBody } from './described-body.js';
import { findGivenNames, findPersonMentions, isTitleOrHonorific, wordsCapitalisedMidSentence, type PersonMention } from './find-people.js';
import { PronounTracker } from './pronoun-tracker.js';
import { foldNameVariants, isVariantSpelling } from './name-variants.js';
import { KIN, TITLE_WORDS, isPlausibleName, type SpeakerPhrase } from './speaker-phrase.js';
import { keyOf, lastWord, type SpeakerRegistry } from './speaker-registry.js';

/** How far (in characters) a namesake's full name keeps the bare surname from the person named first. */
const NAMESAKE_REACH = 400;

/** True when a job title stands before the name: "Turkish president Erdoğan", not "One of the children". */
function hasTitleBefore(phrase: Extract<SpeakerPhrase, { type: 'person' }>): boolean {
  const before = phrase.text.slice(0, Math.max(0, phrase.text.lastIndexOf(phrase.name))).toLowerCase().split(/[\s.]+/);
  return before.some((w) => TITLE_WORDS.has(w) || KIN.has(w) || /^(?:pseudonym|named)$/.test(w));
}

/**
 * Resolves the words naming a speaker to one registry entry, within one article: surnames to the
 * full name the article gives, "the Board" to the board it last named, "he" to the person in focus.
 */
export class ArticleResolver {
  /** The person a "he" or "she" refers to: the latest person speaking or acting as a subject. */
  focusPerson: string | null = null;
  /** The body an "it" refers to. */
  focusOrganisation: string | null = null;
  private focusAt = 0;
  private focusOrgAt = 0;
  private readonly fullNames = new Map<string, string[]>();
  /** Who "he" and "she" refer to: fed by the caller with each sentence's subject and named speakers. */
  readonly pronouns: PronounTracker;

  constructor(
    private readonly analysis: ArticleAnalysis,
    private readonly registry: SpeakerRegistry,
  ) {
    this.pronouns = new PronounTracker(() => this.personMentions(), (key) => keyOf(this.registry.entries.get(key)?.name ?? key).split(' ').pop()!);
  }

  /** Resolves a phrase found at offset `at`; `subject` stands in for a verb's omitted subject. Null when unsure. */
  resolve(phrase: SpeakerPhrase, at: number, subject: string | null = null, speaking = false): string | null {
    switch (phrase.type) {
      case 'pronoun':
        if (phrase.text === '') return subject;
        if (phrase.plural) return this.theyOrganisation(phrase.text, at);
        // "it" is mostly no one ("it felt like …"); a body in focus only when no other was named since.
        if (phrase.text.toLowerCase() === 'it') {
          const org = this.focusOrganisation;
          return org && !this.analysis.organisations.some((o) => o.at > this.focusOrgAt && o.at < at && this.orgKey(o.name) !== org) ? org : null;
        }
        if (/^(?:he|she)$/i.test(phrase.text)) return this.pronouns.resolve(/^he$/i.test(phrase.text) ? 'm' : 'f', at);
        // Another person named since the one in focus makes "he" ambiguous: say nothing rather than guess.
        return this.focusPerson && !this.otherPersonNamedBetween(this.focusPerson, this.focusAt, at) ? this.focusPerson : null;
      case 'person':
        return this.resolvePerson(phrase, at) ?? (speaking ? this.resolveSingleName(phrase, at) : null);
      case 'organisation':
        return this.resolveOrganisation(phrase.name, phrase.text, at);
      case 'role':
        return this.resolveRole(phrase.role);
      case 'generic':
        return null;
    }
  }

  /**
   * A speaker the article names by one word only, right at a verb of saying ("Facebook further
   * claimed", "Sergey said"): taken as named when the word recurs in the article, no full name or
   * other bearer of it is known anywhere, and it is no common capitalised word. A person when the
   * article speaks of it as "he" or "she", else a body.
   */
  private resolveSingleName(phrase: Extract<SpeakerPhrase, { type: 'person' }>, at: number): string | null {
    const name = phrase.name;
    const id = this.analysis.article.id;
    const known = this.registry.entries.get(keyOf(name));
    if (known && known.articles.has(id) && !known.name.includes(' ')) return known.key;
    if (name.includes(' ') || name.length < 3 || !isPlausibleName(name) || this.registry.bySurname(name).length > 0) return null;
    const { body } = this.analysis.article;
    const uses = [...body.matchAll(new RegExp(`(?<![\\p{L}-])${escapeRegExp(name)}(?![\\p{L}-])`, 'gu'))].map((m) => m.index!);
    if (uses.length < 2 || uses.some((u) => u !== at && /\p{Lu}[\p{Ll}]+\s$/u.test(body.slice(Math.max(0, u - 20), u)) && !/(?:^|\s)(?:The|A|An)\s$/.test(body.slice(Math.max(0, u - 5), u)))) return null;
    let personal = 0;
    let corporate = 0;
    for (const u of uses) {
      const after = body.slice(u + name.length, u + name.length + 160);
      const sentence = after.split(/(?<=[.!?])\s+(?=\p{Lu})/u).slice(0, 2).join(' ');
      personal += /(?<![\p{L}])(?:he|she|his|her|him)(?![\p{L}])/iu.test(sentence) ? 1 : 0;
      corporate += /(?<![\p{L}])(?:its|it|the company|the firm|the group|the organi[sz]ation)(?![\p{L}])/iu.test(sentence) || /^['’]s\s+(?:statement|website|spokes\w+|products?|platform|users|policy)/.test(after) ? 1 : 0;
    }
    const entry = personal > corporate ? this.registry.addPerson(name, id, null) : this.registry.addOrganisation(name, null);
    this.registry.noteArticle(entry, id);
    return entry.key;
  }

  private midSentence: Set<string> | null = null;

  /** Capitalised words the article uses other than at a sentence's start; found on first need. */
  midSentenceWords(): Set<string> {
    this.midSentence ??= wordsCapitalisedMidSentence(this.analysis.article.body);
    return this.midSentence;
  }

  /**
   * "The Commission (USCIRF) criticized the move. They released a statement …": a "they" that opens
   * the sentence right after one whose subject or speaker was a body is that body. Null otherwise.
   */
  private theyOrganisation(text: string, at: number): string | null {
    const org = this.focusOrganisation;
    if (!org || !/^they$/i.test(text) || at < this.focusOrgAt) return null;
    const between = this.analysis.article.body.slice(this.focusOrgAt, at);
    if (!/^[\s"”’')]*$/u.test(between)) return null;
    return this.focusPerson && this.focusAt >= this.focusOrgAt - 1 ? null : org;
  }

  /** True when a registry key is a person's (not a body's). */
  isPerson(key: string): boolean {
    return this.registry.entries.get(key)?.kind === 'person';
  }

  /** Moves the focus to a resolved speaker, so later pronouns find it. */
  focus(key: string | null, at: number): void {
    if (!key) return;
    const entry = this.registry.entries.get(key);
    if (entry?.kind === 'person') {
      this.focusPerson = key;
      this.focusAt = at;
    } else if (entry) {
      this.focusOrganisation = key;
      this.focusOrgAt = at;
    }
  }

  /** True when a person other than `key` is named in the text between two offsets. */
  private otherPersonNamedBetween(key: string, from: number, to: number): boolean {
    const surname = keyOf(this.registry.entries.get(key)?.name ?? key).split(' ').pop()!;
    return this.personMentions().some((m) => m.at > from && m.at < to && m.surname !== surname);
  }

  private people: PersonMention[] | null = null;

  /** Where the article names people; found on first need (many articles never ask). */
  private personMentions(): PersonMention[] {
    const { article, mentions, paragraphs } = this.analysis;
    this.people ??= findPersonMentions(article.body, mentions, paragraphs.flatMap((p) => p.quotes), this.midSentenceWords());
    return this.people;
  }

  private resolvePerson(phrase: Extract<SpeakerPhrase, { type: 'person' }>, at: number): string | null {
    const id = this.analysis.article.id;
    let key: string;
    if (phrase.name.includes(' ')) {
      key = this.registry.addPerson(phrase.name, id, phrase.role).key;
    } else {
      const token = keyOf(phrase.name);
      const names = this.introducedBy(this.fullNamesFor(phrase.name), at);
      // Two people of that surname in the article ("Mendez" with Tony and Jonna Mendez): say nothing rather than guess.
      if (names.length > 1) return null;
      const misspelt = names.length === 0 ? this.misspeltFullName(phrase.name) : null;
      if (names.length === 1) key = this.registry.addPerson(names[0]!, id, null).key;
      else if (misspelt) key = this.registry.addPerson(misspelt, id, null).key;
      else {
        // A lone capitalised word the article never gives in full may be no name at all ("When", "Witnesses"):
        // only a title ("Dr Dixon", "Turkish president Erdoğan") lets it resolve: to the one person of that
        // surname in the corpus, or, when the corpus has none, to the person as the article names them.
        if (!phrase.honorific && !hasTitleBefore(phrase)) return null;
        // "Tayyip Erdoğan" and "Recep Tayyip Erdoğan" are one person named more or less fully: keep the fullest.
        const named = this.registry.bySurname(token);
        const corpus = named.filter((k) => !named.some((o) => o !== k && o.endsWith(` ${k}`)));
        if (corpus.length === 1) key = corpus[0]!;
        else if (corpus.length === 0 && isPlausibleName(phrase.name)) key = this.registry.addPerson(phrase.name, id, phrase.role).key;
        else return null;
      }
      const entry = this.registry.entries.get(key);
      if (!entry) return null;
      if (phrase.role) this.registry.addPerson(entry.name, id, phrase.role);
    }
    const entry = this.registry.entries.get(key)!;
    this.registry.noteArticle(entry, id);
    if (phrase.honorific || phrase.role) this.pronouns.noteGender(key, `${phrase.honorific ?? ''} ${phrase.role ?? ''}`, 3);
    entry.aliases.add(phrase.name);
    if (phrase.honorific) entry.aliases.add(`${phrase.honorific} ${phrase.name}`);
    return key;
  }

  /** Full names the article gives a surname: in titled mentions, and as "First Surname" anywhere in its title or text. */
  /**
   * Of several full names for one surname, those the article has given before `at`: "Trump called …"
   * means Donald Trump when Mary Trump is named only later. All of them when none comes before.
   */
  private introducedBy(names: string[], at: number): string[] {
    if (names.length < 2) return names;
    const { body } = this.analysis.article;
    const before = names.filter((n) => {
      const first = body.indexOf(n);
      return first >= 0 && first < at;
    });
    if (before.length < 2) return before.length ? before : names;
    // The person named first keeps the bare surname when the namesakes named later are rare and written in
    // full: "Trump" stays Donald Trump when Mary Trump appears once.
    const [first, ...others] = [...before].sort((a, b) => body.indexOf(a) - body.indexOf(b));
    const surname = first!.split(' ').pop()!;
    const bare = [...body.matchAll(new RegExp(`(?<![\\p{L}'’-])${escapeRegExp(surname)}(?![\\p{L}-])`, 'gu'))].length;
    const namesakes = others.reduce((n, o) => n + body.split(o).length - 1, 0);
    // … unless a namesake was the last of them named: "Mary Trump released a book. Trump writes …".
    // A namesake named long before (a few sentences back) no longer holds the bare surname.
    const lastNamed = [...before].sort((a, b) => body.lastIndexOf(b, at) - body.lastIndexOf(a, at))[0]!;
    const recent = lastNamed !== first && at - body.lastIndexOf(lastNamed, at) < NAMESAKE_REACH;
    return bare - namesakes >= 3 * namesakes && !recent ? [first!] : before;
  }

  private fullNamesFor(surname: string): string[] {
    const cached = this.fullNames.get(surname);
    if (cached) return cached;
    const found = this.findFullNames(surname);
    this.fullNames.set(surname, found);
    return found;
  }

  /** The one full name of the article whose surname `surname` misspells ("Water said" after "Kathryn Waters"), else null. */
  private misspeltFullName(surname: string): string | null {
    const token = keyOf(surname);
    const found = new Map<string, string>();
    const consider = (full: string): void => {
      const last = keyOf(full).split(' ').pop()!;
      if (last !== token && isVariantSpelling(last, token)) found.set(keyOf(full), full);
    };
    for (const m of this.analysis.mentions) if (m.phrase.name.includes(' ')) consider(m.phrase.name);
    const names = foldNameVariants([...found.values()], this.analysis.article.body);
    return names.length === 1 ? names[0]! : null;
  }

  private findFullNames(surname: string): string[] {
    const token = keyOf(surname);
    const names = new Map<string, string>();
    for (const m of this.analysis.mentions) {
      if (m.phrase.name.includes(' ') && keyOf(m.phrase.name).split(' ').pop() === token) names.set(keyOf(m.phrase.name), m.phrase.name);
    }
    this.givenNames ??= findGivenNames(this.analysis.article.title, this.analysis.article.body);
    for (const given of this.givenNames.get(token) ?? []) {
      // "On Tuesday Mitsotakis met …": a day, a month or a title before a surname is no given name.
      if (isTitleOrHonorific(given) || !isPlausibleName(given)) continue;
      const full = `${given} ${surname}`;
      const known = [...names.keys()].some((k) => k.endsWith(keyOf(full)) || keyOf(full).endsWith(k));
      if (!known) names.set(keyOf(full), full);
    }
    return foldNameVariants([...names.values()], this.analysis.article.body);
  }

  /** The given names the article puts before each surname; found once an article, on first need. */
  private givenNames: Map<string, Set<string>> | null = null;

  private orgKey(name: string): string {
    return keyOf(this.registry.acronyms.get(name) ?? name);
  }

  private resolveOrganisation(name: string, text: string, at: number): string | null {
    const expanded = this.registry.acronyms.get(name) ?? name;
    const isShort = !expanded.includes(' ');
    if (isShort) {
      // "the Board", "the Alliance": the latest body of that kind the article named.
      const w = lastWord(expanded);
      const named = this.analysis.organisations.filter((o) => {
        const full = this.registry.acronyms.get(o.name) ?? o.name;
        return full.includes(' ') && lastWord(full) === w;
      });
      const before = named.filter((o) => o.at <= at);
      const pick = before[before.length - 1] ?? named[0];
      if (pick) {
        const entry = this.registry.addOrganisation(this.registry.acronyms.get(pick.name) ?? pick.name, null);
        entry.aliases.add(text.replace(/^the\s+/i, 'the '));
        return entry.key;
      }
      // "the company", "The city": the one body of that kind the article has just named.
      const described = /^the\s/i.test(text) ? describedBody(this.analysis, expanded, at, (n) => this.registry.bySurname(n).length > 0) : null;
      if (described) return this.registry.addOrganisation(described, null).key;
      // Only an acronym may name a body the article does not spell out ("FSB"): "Police" alone could be any police.
      if (!/^\p{Lu}{2,}$/u.test(expanded)) return null;
    }
    return this.registry.addOrganisation(expanded, name !== expanded ? name : null).key;
  }

  private resolveRole(role: string): string | null {
    return this.registry.roleHolder(role, this.analysis.article.id);
  }
}
