import YAML from 'yaml';
import { FrontMatterSchema, type FrontMatter } from '../corpus/article.js';
import { parseArticleFile } from '../corpus/parse-article.js';
import { IngestError } from './ingest-error.js';

/** An article ready to be written: its front matter and its body. */
export interface ArticleDraft {
  frontMatter: FrontMatter;
  body: string;
}

/** The front-matter fields in the order corpus files list them. */
const FIELD_ORDER: Array<keyof FrontMatter> = ['title', 'title_inferred', 'outlet', 'published', 'published_inferred', 'url', 'byline', 'licence', 'source'];

/**
 * Checks the fields against the corpus schema and builds a draft; a field the schema refuses is
 * an IngestError naming it.
 */
export function createArticleDraft(fields: Record<string, unknown>, body: string): ArticleDraft {
  const result = FrontMatterSchema.safeParse(fields);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'front matter';
    throw new IngestError('bad_field', `${field}: ${issue?.message ?? 'invalid'}`);
  }
  if (body.trim() === '') throw new IngestError('no_body', 'the article has no text');
  return { frontMatter: result.data, body };
}

/** Writes a draft in the corpus format: YAML front matter between `---` lines, then the body verbatim. */
export function renderArticleFile(draft: ArticleDraft): string {
  const ordered: Record<string, string> = {};
  for (const key of FIELD_ORDER) {
    const value = draft.frontMatter[key];
    if (value !== undefined) ordered[key] = value;
  }
  const yaml = YAML.stringify(ordered, { lineWidth: 0 });
  return `---\n${yaml}---\n${draft.body}`;
}

/** Renders a draft and reads it back as the corpus loader will, so nothing unreadable is ever written. */
export function renderCheckedArticleFile(draft: ArticleDraft, fileName: string): string {
  const text = renderArticleFile(draft);
  const { article, problems } = parseArticleFile(fileName, text);
  if (!article) {
    throw new IngestError('bad_field', `the article would not load: ${problems.map((p) => `${p.field ?? 'file'}: ${p.message}`).join('; ')}`);
  }
  return text;
}
