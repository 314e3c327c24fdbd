/** What the words naming a speaker refer to, before resolution against the article and corpus. */
export type SpeakerPhrase =
  | { type: 'pronoun'; text: string; plural: boolean }
  | { type: 'person'; text: string; name: string; honorific: string | null; role: string | null }
  | { type: 'organisation'; text: string; name: string; definite: boolean }
  | { type: 'role'; text: string; role: string }
  | { type: 'generic'; text: string };

export const HONORIFICS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'lord', 'lady', 'baroness', 'baron', 'professor', 'prof',
  'rev', 'reverend', 'dr.', 'mr.', 'mrs.', 'ms.', 'prof.', 'rev.',
]);

/** Words that make a capitalised run an organisation's name. */
const ORG_WORDS = new Set([
  'board', 'alliance', 'association', 'confederation', 'committee', 'commission', 'council', 'department', 'ministry',
  'government', 'party', 'union', 'institute', 'university', 'service', 'services', 'agency', 'trust', 'group', 'groups',
  'company', 'inc', 'ltd', 'plc', 'corporation', 'police', 'court', 'office', 'organisation', 'organization', 'society',
  'federation', 'league', 'bank', 'fund', 'forum', 'network', 'foundation', 'authority', 'college', 'school', 'hospital',
  'club', 'army', 'navy', 'force', 'forces', 'parliament', 'senate', 'congress', 'assembly', 'cabinet', 'bureau',
  'centre', 'center', 'coalition', 'commissioners', 'administration', 'embassy', 'institution', 'team', 'nhs',
  'commissioning', 'council', 'observatory', 'command', 'unit', 'division', 'directorate', 'herald', 'post', 'journal',
  'telegraph', 'guardian', 'tv', 'radio', 'municipality', 'magazine', 'gazette', 'tribune', 'review', 'conference', 'legislatures', 'laboratory', 'media', 'news', 'times', 'press', 'channel', 'airlines',
]);

/** Job titles: a capitalised one before a name is a role, not part of the name. */
export const TITLE_WORDS = new Set([
  'chair', 'chairman', 'chairwoman', 'chairperson', 'chief', 'secretary', 'minister', 'director', 'executive',
  'officer', 'president', 'vice', 'leader', 'head', 'spokesman', 'spokeswoman', 'spokesperson', 'governor', 'mayor',
  'ceo', 'founder', 'manager', 'general', 'deputy', 'prime', 'premier', 'chancellor', 'senator', 'representative',
  'judge', 'justice', 'commissioner', 'ambassador', 'spokesman', 'coach', 'captain', 'inspector', 'superintendent',
  'sergeant', 'constable', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'archbishop', 'chairs', 'editor',
  'correspondent', 'analyst', 'economist', 'lawyer', 'attorney', 'gp', 'doctor', 'nurse', 'professor', 'mp', 'mep',
  'councillor', 'colonel', 'major', 'lieutenant', 'admiral', 'commander', 'sheriff', 'treasurer', 'member', 'partner',
  'researcher', 'scientist', 'author', 'spokesperson', 'press', 'adviser', 'advisor', 'consultant', 'councilman',
  'co-author', 'coauthor', 'fellow', 'actor', 'actress', 'singer', 'writer', 'player', 'star', 'artist', 'designer',
  'producer', 'candidate', 'nominee', 'activist', 'expert', 'professor', 'lecturer', 'student', 'meteorologist',
  'physician', 'surgeon', 'chairs', 'rapporteur', 'envoy', 'delegate', 'negotiator', 'official', 'officials',
  'supervisor', 'prosecutor', 'spokesman', 'speaker', 'assemblywoman', 'assemblyman', 'assemblymember', 'congresswoman',
  'congressman', 'councilwoman', 'councillor', 'alderman', 'selectman', 'legislator', 'lawmaker', 'businessman', 'businesswoman', 'principal', 'dean', 'rector', 'vicar', 'priest', 'rabbi', 'imam', 'cardinal', 'monsignor',
]);

// "I" and "we" outside quotation marks are the writer or an interviewer, never a speaker to resolve.
const PRONOUNS: Record<string, boolean> = { he: false, she: false, it: false, they: true, we: true, i: true };
const LEADING_FILLER = /^(?:and|but|while|as|when|that|so|then|also|yet|which|who|where|because|although|though|however|meanwhile|now)\s+/i;
const TRAILING_FILLERS = new Set([
  'also', 'further', 'later', 'then', 'previously', 'recently', 'again', 'repeatedly', 'earlier', 'once', 'now', 'today',
  'yesterday', 'subsequently', 'separately', 'meanwhile', 'has', 'have', 'had', 'will', 'would', 'could', 'did', 'does', 'do',
  'is', 'was', 'were', 'are', 'himself', 'herself', 'themselves', 'itself', 'too', 'first', 'finally', 'last', 'even',
  'already', 'still', 'always', 'never', 'just', 'often',
]);
const NAME_TOKEN = /^(?:\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*|(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von)\p{Lu}[\p{Ll}]+|\p{Lu}\.)$/u;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'la', 'le', 'bin', 'al', 'ibn', 'du', 'dos', 'das']);
/** Words that show the text before a name is a clause, not a role ("commissioners would need to act as …"). */
const CLAUSE_WORDS = new Set([
  'would', 'will', 'must', 'should', 'can', 'could', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'be', 'been',
  'to', 'not', 'said', 'says', 'in', 'at', 'on', 'with', 'by', 'from', 'as', 'that', 'which', 'who', 'his', 'her',
  'their', 'its', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'if', 'when', 'after', 'before', 'speaking', 'during',
  // Verbs of saying without "-ed": "Smith told Wikinews" names Wikinews as the one told, not as a speaker.
  'told', 'tells', 'tell', 'wrote', 'writes', 'asks', 'adds', 'spoke', 'speaks', 'thinks', 'thought', 'feels', 'felt', 'hopes',
]);
/** Family words that stand before a given name: "His wife Mary". */
export const KIN = new Set(['wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'widow', 'widower', 'partner', 'niece', 'nephew', 'aunt', 'uncle', 'grandson', 'granddaughter']);
/** Words that end no noun phrase: "and said" has no subject of its own. */
const FUNCTION_WORDS = new Set([
  'and', 'but', 'or', 'yet', 'so', 'then', 'also', 'however', 'which', 'who', 'that', 'this', 'it', 'as', 'while',
  'when', 'where', 'because', 'if', 'not', 'never', 'only', 'just', 'even', 'still', 'further', 'later', 'there',
  'here', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'has', 'have', 'had', 'is',
  'was', 'were', 'are', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'do',
]);
const ED_ING_NOUNS = new Set(['retired', 'elected', 'acting', 'leading', 'founding', 'governing', 'ruling', 'reigning', 'distinguished', 'renowned', 'celebrated', 'noted', 'appointed', 'designated', 'unnamed', 'named', 'licensed', 'qualified', 'trained', 'unidentified', 'outgoing', 'incoming', 'managing', 'presiding', 'visiting', 'serving', 'sitting', 'consulting', 'attending', 'supervising', 'training', 'polling', 'marketing', 'nursing', 'building', 'housing', 'banking', 'shipping', 'mining', 'publishing', 'broadcasting', 'engineering', 'accounting', 'planning', 'teaching', 'funding', 'learning', 'advertising', 'fundraising', 'computing']);

/** A lower-case word that reads as a verb ("congratulated", "saying"), so the words around it form a clause. */
function isVerbLike(token: string): boolean {
  if (!/^\p{Ll}/u.test(token)) return false;
  const t = token.toLowerCase();
  return (t.endsWith('ed') || t.endsWith('ing')) && !ED_ING_NOUNS.has(t);
}

/** Capitalised words that open sentences and name no one: "As a result …", "Only then …". */
const NOT_NAMES = new Set([
  ...FUNCTION_WORDS, 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'according', 'after', 'before', 'during', 'speaking', 'meanwhile', 'however', 'although', 'though',
  'despite', 'since', 'until', 'unlike', 'like', 'now', 'today', 'yesterday', 'tomorrow', 'earlier', 'later', 'last',
  'next', 'first', 'finally', 'also', 'asked', 'similarly', 'instead', 'overall', 'many', 'some', 'most', 'several',
  'both', 'each', 'every', 'other', 'others', 'these', 'those', 'there', 'here', 'what', 'why', 'how', 'who', 'whom',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'officials', 'police',
  'witnesses', 'reports', 'sources', 'critics', 'experts', 'residents', 'scientists', 'researchers', 'analysts',
  'nevertheless', 'nonetheless', 'furthermore', 'moreover', 'additionally', 'consequently', 'therefore', 'thus',
  'indeed', 'otherwise', 'perhaps', 'specifically', 'namely', 'subsequently', 'initially', 'ultimately', 'currently',
  'recently', 'previously', 'separately', 'likewise', 'notably', 'again', 'once', 'while', 'whilst',
]);
/** True for a capitalised word that could be part of a person's name (not "The", "Health", "Board"). */
export function isPlausibleName(token: string): boolean {
  if (!NAME_TOKEN.test(token)) return false;
  const b = bare(token);
  return !NOT_NAMES.has(b) && !ORG_WORDS.has(b) && !TITLE_WORDS.has(b) && !HONORIFICS.has(b) && !COMMON_CAPITALS.has(b);
}

/** Capitalised words of news text that are rarely names: places' kinds, days, institutions' words. */
const COMMON_CAPITALS = new Set(['republican', 'republicans', 'democrat', 'democrats', 'democratic', 'labour', 'conservative', 'liberal', 'independent', 'health', 'national', 'clinical', 'primary', 'care', 'public', 'state', 'states', 'united', 'new', 'north', 'south', 'east', 'west', 'central', 'royal', 'general', 'social', 'federal', 'regional', 'international', 'european', 'world', 'city', 'county', 'street', 'road', 'river', 'island', 'mount', 'lake', 'wellbeing', 'commissioning', 'boards', 'groups', 'based', 'practice', 'locality', 'consulting', 'reform', 'reforms', 'government', 'secretary']);

/** Lower-case nouns for bodies that speak ("the board said"). */
const COLLECTIVE_NOUNS = new Set([
  'board', 'alliance', 'company', 'government', 'party', 'ministry', 'department', 'police', 'council', 'committee',
  'commission', 'agency', 'union', 'trust', 'bank', 'court', 'club', 'group', 'team', 'organisation', 'organization',
  'firm', 'charity', 'hospital', 'university', 'airline', 'regulator', 'watchdog', 'army', 'military',
  'city', 'municipality', 'town', 'manufacturer', 'retailer', 'publisher', 'studio', 'broadcaster', 'network', 'brand',
]);
const CAP_TOKEN = /^[\p{Lu}][\p{L}\p{M}'’.-]*$/u;
const QUOTE_MARK = /[“”"‘’]/;

const isAllCaps = (t: string): boolean => /^[\p{Lu}\d]{2,}s?$/u.test(t);

/** A word lower-cased, without a final full stop or comma, then without a possessive "'s". */
function bare(t: string): string {
  let b = t.toLowerCase();
  if (b.endsWith('.') || b.endsWith(',')) b = b.slice(0, -1);
  if (b.endsWith("'s") || b.endsWith('’s')) b = b.slice(0, -2);
  return b;
}

const EDGE_CHAR = /[\s,;:—–-]/u;
const SPACE_CHAR = /\s/;

/** Cleans the words around a speaker phrase: fillers at either end, possessive, punctuation. */
export function trimPhrase(text: string): string {
  // Walked character by character: a regular expression anchored at the end is tried at every space.
  let end = text.length;
  while (end > 0 && EDGE_CHAR.test(text[end - 1]!)) end--;
  let start = 0;
  while (start < end && EDGE_CHAR.test(text[start]!)) start++;
  let s = text.slice(start, end);
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = dropTrailingFiller(s.replace(LEADING_FILLER, ''));
    if (s === before) break;
  }
  return s.trim();
}

/** Drops a filler word ending the text with the spaces before it ("Jeremy Hunt also"), as a regular expression `\s+(?:also|…)$` would. */
function dropTrailingFiller(s: string): string {
  let at = s.length;
  while (at > 0 && !SPACE_CHAR.test(s[at - 1]!)) at--;
  const word = s.slice(at);
  if (at === 0 || !/^[A-Za-z]+$/.test(word) || !TRAILING_FILLERS.has(word.toLowerCase())) return s;
  while (at > 0 && SPACE_CHAR.test(s[at - 1]!)) at--;
  return s.slice(0, at);
}

/** Splits a run of capitalised tokens at its last role or organisation word: what follows is a name. */
function splitNameFromRun(tokens: string[]): { name: string[]; head: string[] } {
  let cut = -1;
  tokens.forEach((t, i) => {
    const b = bare(t);
    // An occupation before a full name is a role: "Ecologist Ryan Norris", "Physician Ana Ruiz".
    const occupation = i <= tokens.length - 3 && /(?:ist|ician|ographer|ologer)$/.test(b);
    if (isAllCaps(t) || ORG_WORDS.has(b) || TITLE_WORDS.has(b) || HONORIFICS.has(b) || occupation) cut = i;
  });
  return { head: tokens.slice(0, cut + 1), name: tokens.slice(cut + 1) };
}

/**
 * Reads a short phrase that names who spoke ("NHS Alliance chair Dr Michael Dixon", "he",
 * "the Board", "the Chairman of the NHS Alliance", "officials") into what it refers to.
 * Returns null for words that are not a speaker phrase at all (a clause, a long noun phrase).
 */
export function parseSpeakerPhrase(raw: string): SpeakerPhrase | null {
  return parseCleanPhrase(cleanPhrase(raw));
}

/**
 * Reads the words opening a sentence as its subject: as `parseSpeakerPhrase`, but null for a
 * generic phrase ("officials"), and quick to turn down the many word runs that cannot name anyone.
 */
export function parseSubjectPhrase(raw: string): Exclude<SpeakerPhrase, { type: 'generic' }> | null {
  const text = cleanPhrase(raw);
  const tokens = text.split(/\s+/);
  // Only these shapes get past parseCleanPhrase as other than generic or null: one word, a capitalised
  // last word, "X of Y", "the board", or a job title ("the chairman of …").
  const mayName = tokens.length === 1 || CAP_TOKEN.test(tokens[tokens.length - 1]!) || /\s(?:of|from|at)\s/u.test(text) ||
    (/^the$/i.test(tokens[0]!) && tokens.length <= 3) || tokens.some((t) => TITLE_WORDS.has(bare(t)));
  if (!mayName) return null;
  const phrase = parseCleanPhrase(text);
  return phrase?.type === 'generic' ? null : phrase;
}

/** The words of a phrase as they are read: fillers and punctuation trimmed, an age ("45-year-old") dropped. */
function cleanPhrase(raw: string): string {
  return trimPhrase(raw).replace(/^[\p{L}-]+-year-old\s+/iu, '');
}

/**
 * The last two words of a capitalised run when they read as a person's name and something stays
 * before them ("London Sadiq Khan" → "Sadiq Khan"), else null ("Black Panther", "NHS Alliance").
 * A particle takes one more word: "… Bill de Blasio".
 */
function trailingName(run: string[]): string[] | null {
  const k = PARTICLES.has(run[run.length - 2] ?? '') ? 3 : 2;
  if (run.length <= k) return null;
  const name = run.slice(-k);
  return name.every((t) => PARTICLES.has(t) || isPlausibleName(t.replace(/['’]s$/, ''))) && !PARTICLES.has(name[0]!) ? name : null;
}

function parseCleanPhrase(text: string): SpeakerPhrase | null {
  if (!text || text.length > 120) return null;
  const tokens = text.split(/\s+/);
  if (tokens.length > 12) return null;
  if (tokens.length === 1) {
    const lower = text.toLowerCase();
    if (lower in PRONOUNS) return { type: 'pronoun', text, plural: PRONOUNS[lower]! };
  }
  // Only a text with a quotation mark needs its possessives taken out to tell.
  if (QUOTE_MARK.test(text) && QUOTE_MARK.test(text.replace(/(\p{L})[’']s?\b/gu, '$1'))) return null;

  // "Peter Iseley of Ending Clergy Abuse": the name, with the rest as a role.
  const of = /^(.*?\p{Ll})\s+(?:of|from|at)\s+(.+)$/u.exec(text);
  if (of) {
    const head = parseSpeakerPhrase(of[1]!);
    // One word before "of" is a title more often than a name: "House of Commons Speaker John Bercow".
    if (head?.type === 'person' && (head.name.includes(' ') || head.honorific)) return { ...head, text, role: head.role ?? of[2]! };
  }
  // A run of capitalised tokens at the end ("… Dr Michael Dixon", "the NHS Commissioning Board").
  let i = tokens.length;
  while (i > 0) {
    const t = tokens[i - 1]!;
    if (CAP_TOKEN.test(t) || (PARTICLES.has(t) && i < tokens.length && i > 1 && CAP_TOKEN.test(tokens[i - 2]!))) i--;
    else if (['of', 'for', 'and', '&', 'on'].includes(t.toLowerCase()) && i > 1 && i < tokens.length && CAP_TOKEN.test(tokens[i - 2]!) && ORG_WORDS.has(bare(tokens[i - 2]!))) i--;
    else break;
  }
  const run = tokens.slice(i);
  const before = tokens.slice(0, i);
  if (run.length > 0) {
    if (run[0] === 'The' || run[0] === 'A') run.shift();
    // "Amnesty International", "Transparency International": a body, though each word could be a name.
    if (run.length >= 2 && bare(run[run.length - 1]!) === 'international' && before.every((t) => /^(?:the|a|an)$/i.test(t))) {
      return { type: 'organisation', text, name: run.join(' ').replace(/['’]s$/, ''), definite: false };
    }
    const split = splitNameFromRun(run);
    // "Ministry of Foreign Affairs": a run that goes on past its organisation word with "of" is all one name.
    const { head, name } = /^(?:of|for|and|&|on)$/i.test(split.name[0] ?? '') ? { head: run, name: [] } : split;
    // "the director of Black Panther": what follows "of" is a thing or a body, not the speaker's name.
    const prior = before.map((t) => t.toLowerCase()).filter((t) => t !== 'the');
    if (prior[prior.length - 1] === 'of') {
      // "Mayor of London Sadiq Khan", "director of Amnesty International Man-kei Tam": a name closes the run.
      const named = trailingName(run);
      if (named) {
        const role = [...before, ...run.slice(0, run.length - named.length)].join(' ').replace(/^(?:the|a|an)\s+/i, '');
        return { type: 'person', text, name: named.join(' ').replace(/['’]s$/, ''), honorific: null, role };
      }
      return { type: 'role', text, role: text.replace(/^(?:the|a|an)\s+/i, '') };
    }
    // Middle initials are names too: "Wayne A. I. Frederick".
    const isInitial = (t: string, i: number): boolean => i > 0 && i < name.length - 1 && /^\p{Lu}\.$/u.test(t);
    const nameOk = name.length > 0 && name.length <= 5 && name.every((t, i) => isInitial(t, i) || (NAME_TOKEN.test(t) && !NOT_NAMES.has(bare(t))) || PARTICLES.has(t));
    if (nameOk) {
      const honorific = head.length && HONORIFICS.has(bare(head[head.length - 1]!)) ? head[head.length - 1]! : null;
      const roleTokens = [...before, ...(honorific ? head.slice(0, -1) : head)];
      const role = roleTokens.join(' ').replace(/^(?:the|a|an)\s+/i, '').trim();
      // "His wife Mary": a family word after a possessive is a role, not a clause.
      const kin = before.length === 2 && /^(?:his|her|their)$/i.test(before[0]!) && KIN.has(before[1]!.toLowerCase());
      if (!kin && before.some((t) => CLAUSE_WORDS.has(t.toLowerCase()) || isVerbLike(t))) return null;
      return { type: 'person', text, name: name.join(' ').replace(/['’]s$/, ''), honorific, role: role || null };
    }
    if (head.length > 0 && name.length === 0) {
      const orgish = head.some((t) => ORG_WORDS.has(bare(t)) || isAllCaps(t));
      const lastBare = bare(head[head.length - 1]!);
      if (TITLE_WORDS.has(lastBare) || /\bof\b/i.test(text) && tokens.some((t) => TITLE_WORDS.has(bare(t)))) {
        return { type: 'role', text, role: text.replace(/^(?:the|a|an)\s+/i, '') };
      }
      if (orgish && before.every((t) => /^(?:the|a|an)$/i.test(t))) {
        return { type: 'organisation', text, name: head.join(' ').replace(/['’]s$/, ''), definite: /^the\s/i.test(text) };
      }
    }
  }
  // "the Chairman of the NHS Alliance", "the health secretary", "a spokesperson", "officials".
  const clause = tokens.slice(1).some((t) => isVerbLike(t) || (CLAUSE_WORDS.has(t.toLowerCase()) && !/^(?:of|the|and|for|at)$/i.test(t)));
  if (!clause && tokens.some((t) => TITLE_WORDS.has(bare(t))) && /^(?:the|a|an|its|their|his|her)\s/i.test(text) && tokens.length <= 9) {
    return { type: 'role', text, role: text.replace(/^(?:the|a|an|its|their|his|her)\s+/i, '') };
  }
  // "the company", and "The city" opening a sentence.
  if (tokens.length <= 3 && tokens.every((t, i) => /^[\p{Ll}'’-]+$/u.test(t) || (i === 0 && t === 'The')) && !FUNCTION_WORDS.has(tokens[tokens.length - 1]!)) {
    const head = bare(tokens[tokens.length - 1]!);
    if (tokens.length >= 2 && /^the$/i.test(tokens[0]!) && COLLECTIVE_NOUNS.has(head)) {
      return { type: 'organisation', text, name: head, definite: true };
    }
    return { type: 'generic', text };
  }
  return null;
}
