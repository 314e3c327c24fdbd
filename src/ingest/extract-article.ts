import { Readability } from '@mozilla/readability';
import type { DomNode } from 'jsdom';
import { loadJsdom } from './load-jsdom.js';
import { cleanOptional, countWords } from './clean-text.js';
import { extractParagraphs } from './extract-paragraphs.js';
import { readPageMetadata, type PageMetadata } from './read-page-metadata.js';
import { toPublishedValue } from './to-published-value.js';

/** What one page yields: its metadata and its article text, paragraphs separated by blank lines. */
export interface ExtractedPage extends PageMetadata {
  /** The article text, or '' when Readability found none. */
  body: string;
  words: number;
}

/** Reads an HTML page: metadata first, then the article body through Readability. */
export function extractArticle(html: string | Uint8Array, pageUrl: string, charset?: string): ExtractedPage {
  const { JSDOM } = loadJsdom();
  const dom = new JSDOM(html, { url: pageUrl, contentType: charset ? `text/html; charset=${charset}` : 'text/html' });
  try {
    const doc = dom.window.document;
    const meta = readPageMetadata(doc, pageUrl);
    const reader = new Readability<DomNode>(doc as never, { serializer: (node) => node as unknown as DomNode }).parse();
    const body = reader?.content ? extractParagraphs(reader.content).join('\n\n') : '';
    const readTitle = cleanOptional(reader?.title) ?? cleanOptional(doc.querySelector('h1')?.textContent);
    const readDate = toPublishedValue(reader?.publishedTime ?? undefined);
    const siteName = cleanOptional(reader?.siteName);
    // Readability sometimes takes a dateline ("Posted 14 September 2022") for the byline.
    const byline = cleanOptional(reader?.byline)?.replace(/^by\s+/i, '');
    const usableByline = byline && !/\d/.test(byline) ? byline : undefined;
    return {
      ...meta,
      title: meta.title ?? (readTitle ? { value: readTitle, from: 'page title' } : undefined),
      outlet: meta.outlet ?? (siteName ? { value: siteName, from: 'Readability site name' } : undefined),
      published: meta.published ?? (readDate ? { value: readDate, from: 'Readability published time' } : undefined),
      byline: meta.byline ?? (usableByline ? { value: usableByline, from: 'Readability byline' } : undefined),
      body,
      words: countWords(body),
    };
  } finally {
    dom.window.close();
  }
}
