import path from 'node:path';
import { renderCheckedArticleFile, type ArticleDraft } from './article-draft.js';
import { findDuplicate, rememberArticle, type CorpusKeys, type Duplicate } from './corpus-keys.js';
import { nameArticleFile } from './name-article-file.js';
import { writeArticleFile } from './write-article-file.js';

/** What saving an article did: added it, or found it already there. */
export type SaveOutcome = { kind: 'added'; file: string } | ({ kind: 'duplicate' } & Duplicate);

/**
 * Writes a draft into the corpus folder unless the corpus already has the same address or body.
 * `keys` is updated, so one batch never adds an article twice.
 */
export async function saveArticle(draft: ArticleDraft, corpusDir: string, keys: CorpusKeys): Promise<SaveOutcome> {
  const fm = draft.frontMatter;
  const duplicate = findDuplicate(keys, fm.url, draft.body);
  if (duplicate) return { kind: 'duplicate', ...duplicate };
  const firstName = nameArticleFile(fm.published, fm.outlet, fm.title);
  const text = renderCheckedArticleFile(draft, firstName);
  const file = await writeArticleFile(
    corpusDir,
    (attempt) => (attempt === 1 ? firstName : nameArticleFile(fm.published, fm.outlet, fm.title, attempt)),
    text,
  );
  rememberArticle(keys, fm.url, draft.body, path.basename(file));
  return { kind: 'added', file };
}
