import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from './article.js';
import { unreadableMessage, type CorpusProblem } from './corpus-problem.js';
import { listCorpusFiles } from './load-corpus.js';
import { parseArticleFile, splitFrontMatter } from './parse-article.js';
import { EXTRACTOR_VERSION } from '../statements/extract-statements.js';

/** Bumped whenever the cache's layout or the index's scoring changes. */
export const CACHE_FORMAT = 4;

/** One corpus file as read: its text and the hash of its bytes. */
export interface CorpusText {
  name: string;
  file: string;
  /** The file's text, or null when it could not be read (`hash` then holds the error code). */
  text: string | null;
  hash: string;
}

/** What the cache keeps of one file, so an unchanged file needs no YAML parsing. */
export interface ParsedFile {
  name: string;
  hash: string;
  /** The article without its body (which is the file's text after the front matter), or null. */
  meta: Omit<Article, 'body' | 'path'> | null;
  problems: CorpusProblem[];
}

/**
 * Reads every corpus file of a folder with a hash of each. Reads are synchronous: for many small
 * files that is several times faster than a promise per file, and the index cannot be used before.
 */
export async function readCorpusTexts(dir: string): Promise<CorpusText[]> {
  const files = await listCorpusFiles(dir);
  return files.map((file) => {
    const name = path.basename(file);
    try {
      const bytes = readFileSync(file);
      return { name, file, text: bytes.toString('utf8'), hash: createHash('sha1').update(bytes).digest('hex') };
    } catch (error) {
      return { name, file, text: null, hash: `unreadable ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
    }
  });
}

let fingerprint: string | null = null;

/**
 * A hash of the code that extraction and indexing run, so a cache built by other code (an edit
 * that forgot to bump EXTRACTOR_VERSION, another checkout) is never served.
 */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const folder of ['statements', 'search', 'answer', 'store', 'corpus']) {
    const dir = path.join(src, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => /\.(?:ts|js|yml)$/.test(n)).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

const BUILT_IN_SYNONYMS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'search', 'synonyms.yml');

/**
 * The cache key: every file's name and content hash, the extractor's version, the cache format
 * and the synonyms in force; any change to one of them gives another key. `base` leaves the files
 * out: a cache of the same base can be brought up to date file by file.
 */
export function computeCacheKey(dir: string, texts: CorpusText[]): { key: string; base: string } {
  const base = createHash('sha256');
  base.update(`format ${CACHE_FORMAT}\nextractor ${EXTRACTOR_VERSION} ${codeFingerprint()}\n`);
  for (const file of [BUILT_IN_SYNONYMS, path.join(dir, 'synonyms.yml')]) {
    base.update(existsSync(file) ? readFileSync(file) : '-');
    base.update('\n');
  }
  const baseKey = base.digest('hex');
  const hash = createHash('sha256').update(baseKey);
  for (const t of texts) hash.update(`${t.name} ${t.hash}\n`);
  return { key: hash.digest('hex'), base: baseKey };
}

/**
 * Parses corpus texts as `loadCorpus` does (same articles, same problems), reusing the cached
 * parse of every file whose hash has not changed.
 */
export function parseCorpusTexts(texts: CorpusText[], cached: ReadonlyMap<string, ParsedFile>): { articles: Article[]; problems: CorpusProblem[]; parsed: ParsedFile[] } {
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const parsed: ParsedFile[] = [];
  const seen = new Map<string, string>();
  for (const t of texts) {
    if (t.text === null) {
      const problem = { file: t.file, field: null, message: unreadableMessage(t.hash.split(' ')[1]) };
      problems.push(problem);
      parsed.push({ name: t.name, hash: t.hash, meta: null, problems: [{ ...problem, file: t.name }] });
      continue;
    }
    const hit = cached.get(t.name);
    let entry: ParsedFile;
    let article: Article | null = null;
    if (hit && hit.hash === t.hash) {
      entry = hit;
      const parts = hit.meta ? splitFrontMatter(t.text) : null;
      if (hit.meta && parts) article = { ...hit.meta, path: t.file, body: parts.body };
      problems.push(...hit.problems.map((p) => ({ ...p, file: t.file })));
    } else {
      const result = parseArticleFile(t.file, t.text);
      article = result.article;
      problems.push(...result.problems);
      const meta = article ? (({ body: _body, path: _path, ...rest }) => rest)(article) : null;
      entry = { name: t.name, hash: t.hash, meta, problems: result.problems.map((p) => ({ ...p, file: t.name })) };
    }
    parsed.push(entry);
    if (!article) continue;
    const other = seen.get(article.url);
    if (other) problems.push({ file: t.file, field: 'url', message: `same url as ${path.basename(other)}; both are served`, severity: 'warning' });
    seen.set(article.url, t.file);
    articles.push(article);
  }
  return { articles, problems, parsed };
}
