import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isValidPublishedValue } from '../corpus/article.js';
import { createArticleDraft, type ArticleDraft } from './article-draft.js';
import { cleanOptional } from './clean-text.js';
import { extractArticle, type ExtractedPage } from './extract-article.js';
import { DEFAULT_FETCH_OPTIONS, fetchPage, parseHttpUrl, type FetchOptions } from './fetch-page.js';
import { IngestError } from './ingest-error.js';
import type { Found } from './read-page-metadata.js';

/** Values the user gives on the command line; they win over the page. */
export interface ArticleOverrides {
  title?: string;
  outlet?: string;
  published?: string;
  url?: string;
}

/** Values to fall back on when the page lacks them, e.g. from the feed item that linked to it. */
export interface ArticleHints {
  title?: Found;
  outlet?: Found;
  published?: Found;
  byline?: Found;
}

/** How to read a page. */
export interface ReadPageOptions {
  fetch?: Partial<FetchOptions>;
  /** Fewer words than this and the page is not taken for an article. Default 60. */
  minWords?: number;
  /** How the article was added, recorded in `source:`. */
  source?: string;
  now?: () => Date;
}

/** One field as the report shows it: its value and where it came from, or why it is missing. */
export interface FieldReport {
  field: 'title' | 'outlet' | 'published' | 'url' | 'byline' | 'body';
  value: string | null;
  from: string | null;
  note?: string;
}

/** A page read: the fields found, and either a draft ready to save or the reason it was refused. */
export type PageReading =
  | { kind: 'ready'; fields: FieldReport[]; draft: ArticleDraft }
  | { kind: 'refused'; fields: FieldReport[]; error: IngestError };

/** Default minimum of words for an article. */
export const DEFAULT_MIN_WORDS = 60;

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/** Tells whether `source` names a web address rather than a file. */
export function isWebAddress(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

async function loadSource(source: string, fetchOptions: Partial<FetchOptions>): Promise<{ html: Buffer; pageUrl: string; fetched: boolean; charset?: string }> {
  if (isWebAddress(source)) {
    parseHttpUrl(source);
    const page = await fetchPage(source, fetchOptions);
    if (page.contentType && !HTML_TYPE.test(page.contentType)) {
      throw new IngestError('not_html', `${page.url} is not a web page (it is ${page.contentType.split(';')[0]}): nothing added`);
    }
    const charset = /charset="?([\w-]+)/i.exec(page.contentType)?.[1];
    return { html: page.body, pageUrl: page.url, fetched: true, ...(charset ? { charset } : {}) };
  }
  const maxBytes = fetchOptions.maxBytes ?? DEFAULT_FETCH_OPTIONS.maxBytes;
  let size: number;
  try {
    size = (await stat(source)).size;
  } catch (error) {
    throw new IngestError('bad_url', `cannot read ${source}: give a saved .html file or an http(s) address`, { cause: error });
  }
  if (size > maxBytes) throw new IngestError('too_large', `${source} is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit: refused`);
  return { html: await readFile(source), pageUrl: pathToFileURL(path.resolve(source)).href, fetched: false };
}

function pick(given: string | undefined, givenFrom: string, found: Found | undefined, hint: Found | undefined): Found | undefined {
  const clean = cleanOptional(given);
  if (clean) return { value: clean, from: givenFrom };
  return found ?? hint;
}

/**
 * Reads an article from a web address or a saved page: fetches it under the limits, extracts its
 * metadata and body, applies the user's overrides, and says what was found and what is missing.
 * A page without a date, title, address or body is refused, never guessed.
 */
export async function readArticlePage(source: string, overrides: ArticleOverrides = {}, options: ReadPageOptions = {}, hints?: ArticleHints): Promise<PageReading> {
  const loaded = await loadSource(source, options.fetch ?? {});
  const page: ExtractedPage = extractArticle(loaded.html, loaded.pageUrl, loaded.charset);
  const refusals: IngestError[] = [];

  if (overrides.published !== undefined && !isValidPublishedValue(overrides.published.trim())) {
    throw new IngestError('bad_field', `--published ${overrides.published}: write the date as YYYY-MM-DD, YYYY-MM or YYYY`);
  }
  const title = pick(overrides.title, 'given with --title', page.title, hints?.title);
  // A date the feed states beats one guessed from the page's first <time>.
  const pageDate = page.published?.inferred && hints?.published ? undefined : page.published;
  const published = pick(overrides.published, 'given with --published', pageDate, hints?.published);
  let url = pick(overrides.url, 'given with --url', page.canonical, undefined);
  if (!url && loaded.fetched) url = { value: loaded.pageUrl, from: 'address fetched (no canonical link on the page)' };
  if (overrides.url !== undefined) parseHttpUrl(overrides.url);
  let outlet = pick(overrides.outlet, 'given with --outlet', page.outlet, hints?.outlet);
  if (!outlet && url) {
    outlet = { value: new URL(url.value).hostname.replace(/^www\./, ''), from: 'site address (the page names no outlet: correct it with --outlet)' };
  }
  const byline = page.byline ?? hints?.byline;
  const minWords = options.minWords ?? DEFAULT_MIN_WORDS;

  const fields: FieldReport[] = [
    { field: 'title', value: title?.value ?? null, from: title?.from ?? null, ...(title ? {} : { note: 'no headline found: give one with --title' }) },
    { field: 'outlet', value: outlet?.value ?? null, from: outlet?.from ?? null, ...(outlet ? {} : { note: 'no outlet found: give one with --outlet' }) },
    {
      field: 'published',
      value: published?.value ?? null,
      from: published?.from ?? null,
      ...(published?.inferred ? { note: 'an estimate: correct it with --published if it is wrong' } : {}),
      ...(published ? {} : { note: 'no publication date found: give one with --published YYYY-MM-DD (or YYYY-MM, YYYY)' }),
    },
    { field: 'url', value: url?.value ?? null, from: url?.from ?? null, ...(url ? {} : { note: 'no address found in the saved page: give one with --url' }) },
    { field: 'byline', value: byline?.value ?? null, from: byline?.from ?? null },
    { field: 'body', value: `${page.words} words`, from: 'Readability', ...(page.words < minWords ? { note: 'no article text' } : {}) },
  ];

  if (page.words < minWords) {
    refusals.push(new IngestError('no_body', page.paywalled
      ? `the page says the article is for subscribers only and shows ${page.words} words of it: nothing added`
      : `no article text found on the page (${page.words} words): it does not look like an article, nothing added`));
  }
  if (!published) refusals.push(new IngestError('no_date', 'no publication date found on the page: give one with --published YYYY-MM-DD (or YYYY-MM, YYYY); nothing added'));
  if (!title) refusals.push(new IngestError('no_title', 'no headline found on the page: give one with --title; nothing added'));
  if (!url) refusals.push(new IngestError('no_url', 'the saved page does not say its address: give it with --url; nothing added'));
  if (!outlet) refusals.push(new IngestError('bad_field', 'no outlet found: give one with --outlet; nothing added'));
  const first = refusals[0];
  if (first) return { kind: 'refused', fields, error: first };

  const today = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  const source_ = options.source ?? (loaded.fetched ? `briefbot add ${source} on ${today}` : `briefbot add ${path.basename(source)} (saved page) on ${today}`);
  const draft = createArticleDraft({
    title: title?.value,
    outlet: outlet?.value,
    published: published?.value,
    ...(published?.inferred ? { published_inferred: published.inferred } : {}),
    url: url?.value,
    ...(byline ? { byline: byline.value } : {}),
    source: source_,
  }, `${page.body}\n`);
  return { kind: 'ready', fields, draft };
}
