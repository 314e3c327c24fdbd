import type { DomDocument } from 'jsdom';

/** A JSON-LD node, as parsed. */
export type JsonLdNode = Record<string, unknown>;

/** What the page's JSON-LD says about its article. */
export interface JsonLdArticle {
  headline?: unknown;
  datePublished?: unknown;
  author?: string;
  publisher?: string;
  url?: unknown;
  isAccessibleForFree?: boolean;
}

function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectNodes(value: unknown, into: JsonLdNode[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, into);
  } else if (isNode(value)) {
    into.push(value);
    if (value['@graph'] !== undefined) collectNodes(value['@graph'], into);
  }
}

function typesOf(node: JsonLdNode): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Higher is a better match for "the article of this page". */
function articleRank(node: JsonLdNode): number {
  const types = typesOf(node);
  if (types.some((t) => /NewsArticle$/.test(t))) return 3;
  if (types.some((t) => /Article$|^Report$/.test(t))) return 2;
  if (types.some((t) => /^(BlogPosting|SocialMediaPosting|LiveBlogPosting)$/.test(t))) return 1;
  return 0;
}

/** Reads every `application/ld+json` script; a script that is not valid JSON is skipped. */
export function readJsonLdNodes(doc: DomDocument): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      collectNodes(JSON.parse(script.textContent ?? ''), nodes);
    } catch {
      // Broken JSON-LD is common on real sites; the other sources of metadata still apply.
    }
  }
  return nodes;
}

/** Finds the page's article in its JSON-LD (NewsArticle first, then any Article) and reads its fields. */
export function readJsonLdArticle(doc: DomDocument): JsonLdArticle | null {
  const nodes = readJsonLdNodes(doc);
  const byId = new Map<string, JsonLdNode>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const deref = (v: unknown): unknown => (isNode(v) && typeof v['@id'] === 'string' && v.name === undefined ? byId.get(v['@id']) ?? v : v);
  const nameOf = (v: unknown): string | undefined => {
    if (Array.isArray(v)) {
      const names = v.map(nameOf).filter((x): x is string => Boolean(x));
      return names.length ? names.join(', ') : undefined;
    }
    const d = deref(v);
    if (typeof d === 'string') return /^https?:\/\//i.test(d) ? undefined : d;
    if (isNode(d) && typeof d.name === 'string') return d.name;
    return undefined;
  };
  const best = nodes.filter((n) => articleRank(n) > 0).sort((a, b) => articleRank(b) - articleRank(a))[0];
  if (!best) return null;
  const page = deref(best.mainEntityOfPage);
  const free = best.isAccessibleForFree;
  return {
    headline: best.headline ?? best.name,
    datePublished: best.datePublished,
    author: nameOf(best.author),
    publisher: nameOf(best.publisher),
    url: best.url ?? (isNode(page) ? page['@id'] ?? page.url : page),
    ...(free === false || free === 'False' || free === 'false' ? { isAccessibleForFree: false } : {}),
  };
}
