import type { Article } from '../corpus/article.js';
import { analyseArticle } from './analyse-article.js';
import { attributeArticle } from './attribute-article.js';
import { SpeakerRegistry } from './speaker-registry.js';
import type { Speaker, Statement } from './statement.js';

/** Bumped whenever extraction changes, so persisted indexes built by older code are rebuilt. */
export const EXTRACTOR_VERSION = 4;

/** Every statement of a corpus, and the speakers they are attributed to. */
export interface Extraction {
  statements: Statement[];
  speakers: Speaker[];
}

/** Turns a speaker's name into a stable id: "Michael Dixon" → "michael-dixon". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'speaker';
}

/**
 * Extracts the statements of all articles. Names are learned from the whole corpus first, so a
 * surname or a role in one article can resolve to the person another article names in full.
 */
export function extractStatements(articles: Article[]): Extraction {
  const analyses = articles.map(analyseArticle);
  const registry = new SpeakerRegistry();
  for (const a of analyses) registry.learn(a);
  const raw = analyses.map((a) => ({ article: a.article, statements: attributeArticle(a, registry) }));

  const used = new Map<string, number>();
  for (const { statements } of raw) for (const st of statements) if (st.speaker) used.set(st.speaker, (used.get(st.speaker) ?? 0) + 1);
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const speakers: Speaker[] = [];
  for (const key of [...used.keys()].sort()) {
    const entry = registry.entries.get(key)!;
    let id = slugify(entry.name);
    for (let n = 2; taken.has(id); n++) id = `${slugify(entry.name)}-${n}`;
    taken.add(id);
    ids.set(key, id);
    const aliases = new Set(entry.aliases);
    if (entry.kind === 'person') {
      const parts = entry.name.split(' ');
      if (parts.length > 1) aliases.add(parts[parts.length - 1]!);
    }
    speakers.push({ id, name: entry.name, kind: entry.kind, aliases: [...aliases].sort((a, b) => b.length - a.length), roles: distinctRoles([...entry.roles]) });
  }
  const statements: Statement[] = [];
  for (const { article, statements: list } of raw) {
    for (const st of list) {
      statements.push({
        id: `${article.id}#${st.start}`,
        articleId: article.id,
        text: article.body.slice(st.start, st.end),
        start: st.start,
        end: st.end,
        kind: st.kind,
        speakerId: st.speaker ? ids.get(st.speaker)! : null,
        cue: st.cue,
        quotation: st.quotation ? { start: st.quotation.start, end: st.quotation.end } : null,
      });
    }
  }
  return { statements, speakers };
}

/** Drops a role whose words all appear in a fuller one: "chair" beside "NHS Alliance chair". */
function distinctRoles(roles: string[]): string[] {
  const words = roles.map((r) => r.toLowerCase().split(/\s+/));
  return roles.filter((r, i) => !roles.some((o, j) => j !== i && o.length > r.length && words[i]!.every((w) => words[j]!.includes(w))));
}
