import type { DomDocument } from 'jsdom';
import { cleanOptional } from './clean-text.js';
import { readJsonLdArticle } from './read-json-ld.js';
import { toPublishedValue } from './to-published-value.js';

/** A value found on the page, and where. */
export interface Found {
  value: string;
  /** Where it came from, for the report, e.g. "JSON-LD headline". */
  from: string;
  /** Set when the value is a guess: why, as the corpus `*_inferred` fields say it. */
  inferred?: string;
}

/** The metadata a page publishes about its article. */
export interface PageMetadata {
  title?: Found;
  outlet?: Found;
  published?: Found;
  byline?: Found;
  canonical?: Found;
  /** The page says it is for subscribers only (JSON-LD `isAccessibleForFree: false`). */
  paywalled: boolean;
}

function firstFound(candidates: Array<[unknown, string]>, clean: (v: unknown) => string | undefined): Found | undefined {
  for (const [raw, from] of candidates) {
    const value = clean(raw);
    if (value) return { value, from };
  }
  return undefined;
}

function meta(doc: DomDocument, selector: string): string | undefined {
  return doc.querySelector(selector)?.getAttribute('content') ?? undefined;
}

function httpUrl(base: string): (v: unknown) => string | undefined {
  return (v) => {
    if (typeof v !== 'string' || v.trim() === '') return undefined;
    try {
      const url = new URL(v.trim(), base);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
      url.hash = '';
      return url.href;
    } catch {
      return undefined;
    }
  };
}

const asDate = (v: unknown): string | undefined => (typeof v === 'string' ? toPublishedValue(v) ?? undefined : undefined);

const notAUrl = (v: unknown): string | undefined => {
  const text = cleanOptional(v);
  return text && !/^https?:\/\//i.test(text) ? text : undefined;
};

/**
 * Reads what news sites publish about an article: JSON-LD `NewsArticle` first, then Open Graph and
 * other meta tags, then `<time datetime>` and the canonical link. Call it before Readability, which
 * rewrites the document.
 */
export function readPageMetadata(doc: DomDocument, pageUrl: string): PageMetadata {
  const ld = readJsonLdArticle(doc);
  const canonicalLink = Array.from(doc.querySelectorAll('link[rel][href]')).find((l) => /(^|\s)canonical(\s|$)/i.test(l.getAttribute('rel') ?? ''));
  const explicitTime = doc.querySelector('time[itemprop~="datePublished"][datetime], time[pubdate][datetime], [itemprop~="datePublished"][content]');
  const anyTime = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  let published = firstFound([
    [ld?.datePublished, 'JSON-LD datePublished'],
    [meta(doc, 'meta[property="article:published_time"]'), 'Open Graph article:published_time'],
    [explicitTime?.getAttribute('datetime') ?? explicitTime?.getAttribute('content'), '<time> marked datePublished'],
    [meta(doc, 'meta[name="pubdate"], meta[name="publish-date"], meta[name="publication_date"]'), 'meta publication date'],
    [meta(doc, 'meta[name="dc.date.issued" i], meta[name="dcterms.issued" i], meta[name="dc.date" i]'), 'Dublin Core date'],
  ], asDate);
  if (!published && anyTime) {
    const value = asDate(anyTime.getAttribute('datetime'));
    if (value) {
      published = {
        value,
        from: 'first <time datetime> on the page',
        inferred: 'Taken from the first <time> element on the page, which does not say it is the publication date.',
      };
    }
  }
  return {
    title: firstFound([
      [ld?.headline, 'JSON-LD headline'],
      [meta(doc, 'meta[property="og:title"]'), 'Open Graph og:title'],
      [meta(doc, 'meta[name="twitter:title"]'), 'twitter:title'],
    ], cleanOptional),
    outlet: firstFound([
      [ld?.publisher, 'JSON-LD publisher'],
      [meta(doc, 'meta[property="og:site_name"]'), 'Open Graph og:site_name'],
      [meta(doc, 'meta[name="application-name"]'), 'meta application-name'],
    ], cleanOptional),
    published,
    byline: firstFound([
      [ld?.author, 'JSON-LD author'],
      [meta(doc, 'meta[name="author"]'), 'meta author'],
      [meta(doc, 'meta[property="article:author"]'), 'Open Graph article:author'],
    ], notAUrl),
    canonical: firstFound([
      [canonicalLink?.getAttribute('href'), 'canonical link'],
      [meta(doc, 'meta[property="og:url"]'), 'Open Graph og:url'],
      [ld?.url, 'JSON-LD url'],
    ], httpUrl(pageUrl)),
    paywalled: ld?.isAccessibleForFree === false,
  };
}
