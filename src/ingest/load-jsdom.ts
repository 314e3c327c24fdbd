import { createRequire } from 'node:module';

type Jsdom = typeof import('jsdom');
let loaded: Jsdom | null = null;

/**
 * jsdom, loaded on first use: it takes most of a second to load, and only ingesting pages and feeds
 * needs it, so `briefbot ask` and `serve` start without it.
 */
export function loadJsdom(): Jsdom {
  loaded ??= createRequire(import.meta.url)('jsdom') as Jsdom;
  return loaded;
}
