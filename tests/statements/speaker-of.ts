import type { Article } from '../../src/corpus/article.js';
import { extractStatements } from '../../src/statements/extract-statements.js';

/** A one-article fixture with the body given. */
export function article(id: string, body: string): Article {
  return { id, path: `${id}.md`, title: 'A test article', outlet: 'Test Gazette', url: `https://example.org/${id}`, published: { value: '2020-01-01', precision: 'day', inferred: false }, body };
}

/** The speaker of the direct statement with exactly `text`; undefined when there is none. */
export function speakerOf(body: string, text: string, others: Article[] = []): string | null | undefined {
  const { statements, speakers } = extractStatements([...others, article('t', body)]);
  const st = statements.find((s) => s.articleId === 't' && s.kind === 'direct' && s.text === text);
  if (!st) return undefined;
  return st.speakerId ? speakers.find((s) => s.id === st.speakerId)!.name : null;
}
