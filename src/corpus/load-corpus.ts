import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArticleFile } from './parse-article.js';
import type { Article } from './article.js';
import { unreadableMessage, type CorpusProblem } from './corpus-problem.js';

/** What loading a corpus folder gave: the good articles, and every problem with the rest. */
export interface LoadedCorpus {
  dir: string;
  articles: Article[];
  problems: CorpusProblem[];
}

/** Lists the corpus files of a folder (`*.md`, sorted, hidden files and README skipped). */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    // Links are followed; a folder or a link to nothing named like an article is listed too, so reading it reports it.
    .filter((e) => (e.isFile() || e.isSymbolicLink() || e.isDirectory()) && e.name.endsWith('.md') && !e.name.startsWith('.') && e.name.toLowerCase() !== 'readme.md')
    .map((e) => path.join(dir, e.name))
    .sort();
}

/**
 * Reads every article of a corpus folder. A broken file becomes a problem naming the file and
 * field; the other files are still loaded. Only a missing or unreadable folder throws.
 */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  const files = await listCorpusFiles(dir);
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push({ file, field: null, message: unreadableMessage((error as NodeJS.ErrnoException).code) });
      continue;
    }
    const parsed = parseArticleFile(file, text);
    problems.push(...parsed.problems);
    if (!parsed.article) continue;
    const other = seen.get(parsed.article.url);
    if (other) {
      problems.push({ file, field: 'url', message: `same url as ${path.basename(other)}; both are served`, severity: 'warning' });
    }
    seen.set(parsed.article.url, file);
    articles.push(parsed.article);
  }
  return { dir, articles, problems };
}
