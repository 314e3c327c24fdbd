import type { Answer } from './answer-schema.js';
import type { ArticleMeta, CorpusStore } from '../store/corpus-store.js';
import type { Statement } from '../statements/statement.js';
import { speakerCounts } from './speaker-counts.js';

/** Every article newest first with its statement count: read from a store that reads on demand, else counted. */
async function sourcesOf(data: CorpusStore): Promise<Array<{ article: ArticleMeta; statements: number }>> {
  if (data.reads) return await data.reads.sources();
  const perArticle = new Map<string, number>();
  for (const st of data.statements.values()) perArticle.set(st.articleId, (perArticle.get(st.articleId) ?? 0) + 1);
  return [...data.articles.values()]
    .sort((a, b) => b.published.value.localeCompare(a.published.value) || a.id.localeCompare(b.id))
    .map((article) => ({ article, statements: perArticle.get(article.id) ?? 0 }));
}

/** Answers `help`, `sources` and `speakers` from what the corpus holds. */
export async function answerCommand(data: CorpusStore, command: 'help' | 'sources' | 'speakers'): Promise<Answer> {
  const counts = speakerCounts(data);
  switch (command) {
    case 'sources':
      return {
        kind: 'sources',
        sources: (await sourcesOf(data)).map(({ article: a, statements }) => ({ articleId: a.id, outlet: a.outlet, title: a.title, url: a.url, date: a.published, statements })),
      };
    case 'speakers':
      return {
        kind: 'speakers',
        speakers: [...data.speakers.values()]
          .map((s) => ({ id: s.id, name: s.name, kind: s.kind, roles: s.roles, aliases: s.aliases, statements: counts.get(s.id) ?? 0 }))
          .sort((a, b) => b.statements - a.statements || a.name.localeCompare(b.name)),
      };
    case 'help': {
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => data.speakers.get(id)!);
      const person = top.find((s) => s.kind === 'person') ?? top[0];
      const surname = person?.name.split(' ').pop() ?? 'Dixon';
      const theirs = !person ? [] : data.reads ? await data.reads.statementsOfSpeaker(person.id) : [...data.statements.values()].filter((st) => st.speakerId === person.id);
      const latest = data.reads ? (await data.reads.sources())[0]?.article : [...data.articles.values()].sort((a, b) => b.published.value.localeCompare(a.published.value))[0];
      const year = latest?.published.value.slice(0, 4) ?? String(new Date().getFullYear());
      return {
        kind: 'help',
        examples: [
          `what did ${surname} say about ${topicOf(theirs) ?? 'funding'}?`,
          `what did ${surname} say in ${year}?`,
          `who said "${phraseOf(theirs) ?? 'demolition experts'}"?`,
          `latest from ${surname}`,
        ],
        commands: [
          { command: 'help', description: 'this message' },
          { command: 'sources', description: 'the articles Briefbot quotes from' },
          { command: 'speakers', description: 'everyone quoted, with how often' },
        ],
      };
    }
  }
}

/** A word the speaker's statements use, to make the help examples real. */
function topicOf(theirs: Statement[]): string | null {
  const words = new Map<string, number>();
  for (const st of theirs) {
    for (const w of st.text.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []) words.set(w, (words.get(w) ?? 0) + 1);
  }
  return [...words.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** Two or three words from a direct quote of the speaker, for a "who said" example. */
function phraseOf(theirs: Statement[]): string | null {
  for (const st of theirs) {
    if (st.kind === 'direct') {
      const words = st.text.replace(/[^\p{L}\s'-]/gu, '').split(/\s+/).filter((w) => w.length > 3);
      if (words.length >= 2) return words.slice(0, 2).join(' ').toLowerCase();
    }
  }
  return null;
}
