import { loadJsdom } from './load-jsdom.js';
import Parser from 'rss-parser';
import { createArticleDraft, type ArticleDraft } from './article-draft.js';
import { cleanOptional, countWords } from './clean-text.js';
import { findDuplicate, readCorpusKeys, stripTracking } from './corpus-keys.js';
import { extractParagraphs } from './extract-paragraphs.js';
import { fetchPage, parseHttpUrl } from './fetch-page.js';
import { IngestError, isIngestError } from './ingest-error.js';
import { readArticlePage, type ReadPageOptions } from './read-article-page.js';
import { saveArticle } from './save-article.js';
import { toPublishedValue } from './to-published-value.js';

/** What happened to one feed item. */
export type FeedItemOutcome =
  | { kind: 'added'; link: string; title: string; file: string; from: 'feed' | 'page' }
  | { kind: 'duplicate'; link: string; title: string | null; file: string }
  | { kind: 'failed'; link: string | null; title: string | null; message: string };

/** What a feed run did, item by item. */
export interface FeedReport {
  feedTitle: string | null;
  items: FeedItemOutcome[];
}

/** How to add a feed. */
export interface AddFeedOptions extends ReadPageOptions {
  corpusDir: string;
  /** The outlet for every item, instead of the feed's title. */
  outlet?: string;
  /** An item whose own content has at least this many words is taken from the feed, not fetched. Default 150. */
  fullContentWords?: number;
}

type FeedItem = Parser.Item & { 'content:encoded'?: string; author?: string; atomPublished?: string };

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

function decodeXml(body: Buffer, contentType: string): string {
  const head = body.subarray(0, 200).toString('latin1');
  const label = /charset="?([\w-]+)/i.exec(contentType)?.[1] ?? /<\?xml[^>]*encoding=["']([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** The text of an item's own HTML content, paragraphs separated by blank lines. */
function htmlToText(html: string): string {
  const { JSDOM } = loadJsdom();
  const dom = new JSDOM(`<!DOCTYPE html><body>${html}</body>`);
  try {
    const body = dom.window.document.querySelector('body');
    return body ? extractParagraphs(body).join('\n\n') : '';
  } finally {
    dom.window.close();
  }
}

/** Reads a feed (RSS or Atom) from an address under the fetch limits. */
export async function readFeed(feedUrl: string, options: ReadPageOptions = {}): Promise<Parser.Output<FeedItem>> {
  return parseFeed(feedUrl, await fetchPage(feedUrl, { ...options.fetch, accept: FEED_ACCEPT }));
}

/** A parsed feed, as `addFeedItems` takes it. */
export type ParsedFeed = Parser.Output<FeedItem>;

/** Fetches a feed conditionally (ETag / Last-Modified): `not_modified` when the server says so. */
export async function readFeedIfChanged(
  feedUrl: string,
  validators: { etag?: string; lastModified?: string },
  options: ReadPageOptions = {},
): Promise<{ kind: 'not_modified'; etag?: string; lastModified?: string } | { kind: 'feed'; feed: ParsedFeed; etag?: string; lastModified?: string }> {
  const page = await fetchPage(feedUrl, {
    ...options.fetch,
    accept: FEED_ACCEPT,
    ...(validators.etag ? { ifNoneMatch: validators.etag } : {}),
    ...(validators.lastModified ? { ifModifiedSince: validators.lastModified } : {}),
  });
  const kept = { ...(page.etag ? { etag: page.etag } : {}), ...(page.lastModified ? { lastModified: page.lastModified } : {}) };
  if (page.notModified) return { kind: 'not_modified', ...kept };
  return { kind: 'feed', feed: await parseFeed(feedUrl, page), ...kept };
}

async function parseFeed(feedUrl: string, page: { body: Buffer; contentType: string }): Promise<ParsedFeed> {
  try {
    // Atom's <published> as written: rss-parser's own pubDate is converted to UTC, which can change the day.
    const parser = new Parser<Record<string, unknown>, FeedItem>({ customFields: { item: [['published', 'atomPublished']] } });
    return await parser.parseString(decodeXml(page.body, page.contentType));
  } catch (error) {
    throw new IngestError('bad_feed', `${feedUrl} is not an RSS or Atom feed: check the address`, { cause: error });
  }
}

function itemDate(item: FeedItem): string | null {
  return toPublishedValue(item.atomPublished) ?? toPublishedValue(item.pubDate) ?? toPublishedValue(item.isoDate);
}

function itemByline(item: FeedItem): string | undefined {
  return cleanOptional(item.creator) ?? cleanOptional(item.author);
}

function draftFromItem(item: FeedItem, link: string, text: string, outlet: string | undefined, source: string): ArticleDraft {
  const title = cleanOptional(item.title);
  const published = itemDate(item);
  if (!title) throw new IngestError('no_title', 'the feed item has no title');
  if (!published) throw new IngestError('no_date', 'the feed item has no date');
  if (!outlet) throw new IngestError('bad_field', 'the feed has no title to use as the outlet: give one with --outlet');
  const byline = itemByline(item);
  return createArticleDraft({ title, outlet, published, url: link, ...(byline ? { byline } : {}), source }, `${text}\n`);
}

/**
 * Adds every item of a feed that the corpus does not have yet (same address or same body). An item
 * carrying its full text is taken from the feed; otherwise its page is fetched under the same limits.
 * One item failing does not stop the others.
 */
export async function addFeed(feedUrl: string, options: AddFeedOptions): Promise<FeedReport> {
  return addFeedItems(feedUrl, await readFeed(feedUrl, options), options);
}

/** Adds the items of a feed already read (see `addFeed`). */
export async function addFeedItems(feedUrl: string, feed: ParsedFeed, options: AddFeedOptions): Promise<FeedReport> {
  const keys = await readCorpusKeys(options.corpusDir);
  const outlet = cleanOptional(options.outlet) ?? cleanOptional(feed.title);
  const today = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  const source = `briefbot add --feed ${feedUrl} on ${today}`;
  const items: FeedItemOutcome[] = [];
  for (const item of feed.items) {
    const title = cleanOptional(item.title) ?? null;
    let link: string;
    try {
      link = stripTracking(parseHttpUrl(item.link ?? item.guid ?? '', new URL(feedUrl)).href);
    } catch {
      items.push({ kind: 'failed', link: null, title, message: 'the item has no http(s) link' });
      continue;
    }
    const known = findDuplicate(keys, link, null);
    if (known) {
      items.push({ kind: 'duplicate', link, title, file: known.file });
      continue;
    }
    try {
      const html = item['content:encoded'] ?? item.content ?? '';
      const text = html ? htmlToText(html) : '';
      let draft: ArticleDraft;
      let from: 'feed' | 'page';
      if (countWords(text) >= (options.fullContentWords ?? 150)) {
        draft = draftFromItem(item, link, text, outlet, source);
        from = 'feed';
      } else {
        const byline = itemByline(item);
        const published = itemDate(item);
        const reading = await readArticlePage(link, options.outlet ? { outlet: options.outlet } : {}, { ...options, source }, {
          ...(title ? { title: { value: title, from: 'feed item title' } } : {}),
          ...(outlet ? { outlet: { value: outlet, from: options.outlet ? 'given with --outlet' : 'feed title' } } : {}),
          ...(byline ? { byline: { value: byline, from: 'feed item author' } } : {}),
          ...(published ? { published: { value: published, from: 'feed item date' } } : {}),
        });
        if (reading.kind === 'refused') throw reading.error;
        draft = reading.draft;
        from = 'page';
      }
      const saved = await saveArticle(draft, options.corpusDir, keys);
      items.push(saved.kind === 'added'
        ? { kind: 'added', link, title: draft.frontMatter.title, file: saved.file, from }
        : { kind: 'duplicate', link, title, file: saved.file });
    } catch (error) {
      if (!isIngestError(error)) throw error;
      items.push({ kind: 'failed', link, title, message: error.message });
    }
  }
  return { feedTitle: cleanOptional(feed.title) ?? null, items };
}
