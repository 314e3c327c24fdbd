import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { listCorpusFiles } from '../corpus/load-corpus.js';
import { splitFrontMatter } from '../corpus/parse-article.js';

/** What identifies the articles already in a corpus: their canonical addresses and body hashes. */
export interface CorpusKeys {
  /** URL key → file name. */
  urls: Map<string, string>;
  /** Body hash → file name. */
  bodies: Map<string, string>;
}

/** How an article duplicates one already in the corpus. */
export interface Duplicate {
  by: 'url' | 'body';
  /** The file name of the article it duplicates. */
  file: string;
}

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$/i;

/** The address without tracking parameters (`utm_*`, `fbclid`, ...) and fragment. */
export function stripTracking(address: string): string {
  try {
    const url = new URL(address);
    for (const name of Array.from(url.searchParams.keys())) if (TRACKING.test(name)) url.searchParams.delete(name);
    url.hash = '';
    return url.href;
  } catch {
    return address;
  }
}

/**
 * The key two addresses of the same article share: scheme, `www.`, fragment, tracking parameters
 * and a trailing slash do not count.
 */
export function urlKey(address: string): string {
  try {
    const url = new URL(address);
    for (const name of Array.from(url.searchParams.keys())) if (TRACKING.test(name)) url.searchParams.delete(name);
    url.searchParams.sort();
    const host = url.hostname.replace(/^www\./, '');
    const pathname = url.pathname.replace(/\/+$/, '');
    const query = url.searchParams.toString();
    return `${host}${url.port ? `:${url.port}` : ''}${pathname}${query ? `?${query}` : ''}`;
  } catch {
    return address.trim();
  }
}

/** A hash of the body's words, so that whitespace and line endings do not make a copy look new. */
export function bodyHash(body: string): string {
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Reads the address and body of every file in the corpus folder; a missing folder is an empty corpus. */
export async function readCorpusKeys(dir: string): Promise<CorpusKeys> {
  const keys: CorpusKeys = { urls: new Map(), bodies: new Map() };
  let files: string[];
  try {
    files = await listCorpusFiles(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return keys;
    throw error;
  }
  for (const file of files) {
    // Broken files count too: the user may be fixing one, and a copy would then be a duplicate.
    const text = await readFile(file, 'utf8').catch(() => null);
    const parts = text === null ? null : splitFrontMatter(text);
    if (!parts) continue;
    let url: unknown;
    try {
      url = (YAML.parse(parts.yaml) as { url?: unknown } | null)?.url;
    } catch {
      url = undefined;
    }
    rememberArticle(keys, typeof url === 'string' ? url : null, parts.body, path.basename(file));
  }
  return keys;
}

/** Finds the article of the corpus that has the same address or the same body, if any. */
export function findDuplicate(keys: CorpusKeys, url: string | null, body: string | null): Duplicate | null {
  const byUrl = url ? keys.urls.get(urlKey(url)) : undefined;
  if (byUrl) return { by: 'url', file: byUrl };
  const byBody = body !== null && body.trim() !== '' ? keys.bodies.get(bodyHash(body)) : undefined;
  if (byBody) return { by: 'body', file: byBody };
  return null;
}

/** Records an article as present, so a batch does not add it twice. */
export function rememberArticle(keys: CorpusKeys, url: string | null, body: string, file: string): void {
  if (url) keys.urls.set(urlKey(url), file);
  if (body.trim() !== '') keys.bodies.set(bodyHash(body), file);
}
