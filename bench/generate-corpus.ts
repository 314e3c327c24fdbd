import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../src/corpus/article.js';
import { extractStatements } from '../src/statements/extract-statements.js';

/**
 * Deterministic news-like corpora for the benchmark. Bodies are runs of real paragraphs (their
 * sentences, quote styles and attributions) from the Wikinews sample, with every quoted person
 * renamed to one of a pool of invented people; speakers, outlets and dates are drawn with skewed
 * (Zipf-like) frequencies over twenty years, as in a real archive.
 */

/** A small seeded random generator (mulberry32): the same seed gives the same corpus. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s. */
export function createZipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / Math.pow(i + 1, s);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** One source article: its title and body with quoted people replaced by `{P<i>}` and `{S<i>}`. */
interface Template {
  title: string;
  paragraphs: string[];
}

interface SourceRow {
  title: string;
  outlet: string;
  date: string;
  url: string;
  body: string;
}

/** The Wikinews sample next to the project, or the test fixture (a fresh clone in CI). */
export function findSourceFile(root: string): string {
  const shared = path.join(root, '../shared/wikinews/articles.jsonl');
  return existsSync(shared) ? shared : path.join(root, 'tests/fixtures/wikinews-sample.jsonl');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Turns the source articles into templates: each person the extractor found becomes a placeholder. */
export function readTemplates(file: string): Template[] {
  const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SourceRow);
  const articles: Article[] = rows.map((r, i) => ({
    id: `src-${i}`,
    path: `src-${i}`,
    title: r.title,
    outlet: r.outlet,
    url: r.url,
    published: { value: r.date, precision: 'day', inferred: false },
    body: r.body,
  }));
  const { statements, speakers } = extractStatements(articles);
  const byId = new Map(speakers.map((s) => [s.id, s]));
  const peopleOf = new Map<string, Set<string>>();
  for (const st of statements) {
    const sp = st.speakerId ? byId.get(st.speakerId) : undefined;
    if (!sp || sp.kind !== 'person' || !/^\p{Lu}\S+ \p{Lu}\S+$/u.test(sp.name)) continue;
    (peopleOf.get(st.articleId) ?? peopleOf.set(st.articleId, new Set()).get(st.articleId)!).add(sp.name);
  }
  return articles.map((a) => {
    let title = a.title;
    let body = a.body;
    [...(peopleOf.get(a.id) ?? [])].forEach((name, i) => {
      const surname = name.split(' ').pop()!;
      const full = new RegExp(`\\b${escapeRegExp(name)}\\b`, 'gu');
      const last = new RegExp(`\\b${escapeRegExp(surname)}\\b`, 'gu');
      title = title.replace(full, `{P${i}}`).replace(last, `{S${i}}`);
      body = body.replace(full, `{P${i}}`).replace(last, `{S${i}}`);
    });
    const paragraphs = body.split(/\n\s*\n+/).map((p) => p.trim()).filter((p) => p.length > 0);
    return { title, paragraphs };
  });
}

const FIRST = `James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah
Charles Karen Daniel Nancy Matthew Lisa Anthony Margaret Mark Sandra Paul Ashley Steven Emily Andrew Donna Kenneth Michelle Joshua Carol
Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Laura Edward Helen Jeffrey Sharon Ryan Cynthia Jacob Kathleen
Gary Amy Nicholas Shirley Eric Angela Jonathan Anna Stephen Ruth Larry Brenda Justin Pamela Scott Nicole Brandon Katherine Benjamin Samantha
Samuel Christine Gregory Emma Alexander Catherine Patrick Debra Frank Virginia Raymond Rachel Jack Carolyn Dennis Janet Jerry Maria Tyler
Heather Aaron Diane Jose Julie Adam Joyce Nathan Victoria Henry Kelly Zachary Christina Douglas Lauren Peter Joan Kyle Evelyn Noah Olivia
Ethan Judith Jeremy Megan Walter Cheryl Christian Andrea Keith Hannah Roger Martha Terry Jacqueline Austin Frances Sean Gloria Gerald Ann
Carl Teresa Harold Kathryn Dylan Sara Arthur Janice Lawrence Jean Jordan Alice Jesse Madison Bryan Doris Billy Abigail Bruce Julia Gabriel
Judy Joe Grace Logan Denise Alan Amber Juan Marilyn Albert Beverly Willie Danielle Elijah Theresa Wayne Sophia Randy Marie Vincent Diana
Mason Brittany Roy Natalie Ralph Isabella Bobby Charlotte Russell Rose Bradley Alexis Philip Kayla Priya Arjun Mei Wei Aisha Omar Fatima
Kwame Amara Sipho Thandiwe Ingrid Lars Sofia Mateo Lucia Diego Hiroshi Yuki Olga Dmitri Anya Pavel Noor Tariq Leila Samir Chloe Hugo`.split(/\s+/);

const SYLLABLES = `ka ren vo li mar tho sen da bel wick ham ford ley ton ster field wood brook mor gan hal vin dor cas tel ry fen
nor by lan ker shaw rid ell ing ash ton pen hurst wal grave cott wen bri dge mont ray sal ver quin lock hart mill ow den`.split(/\s+/);

const PLACES = `Leeds York Bristol Cardiff Glasgow Derby Exeter Norwich Bath Hull Dundee Oxford Reading Bolton Preston Luton Cork Belfast
Perth Durham Chester Lincoln Wells Salford Swansea Stirling Truro Ripon Ely Lancaster`.split(/\s+/);
const PAPERS = `Courier Herald Post Gazette Mail Times Echo Chronicle Observer Journal Express Standard Argus Mercury Advertiser Review
Telegraph Sentinel Record Tribune`.split(/\s+/);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Invented surnames: two or three syllables, unique, in a fixed order. */
function createSurnames(n: number, random: () => number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const count = random() < 0.6 ? 2 : 3;
    let s = '';
    for (let i = 0; i < count; i++) s += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    const name = capitalise(s);
    if (name.length < 5 || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/** What `generateCorpus` wrote. */
export interface GeneratedCorpus {
  dir: string;
  articles: number;
  speakers: string[];
  outlets: string[];
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Writes `count` articles into `dir` (emptied first), deterministically for a given count and seed.
 * Speakers: a pool growing with the corpus, drawn Zipf-like; outlets likewise; dates from 2005 to
 * 2024, more recent years busier, mostly to the day.
 */
export function generateCorpus(options: { dir: string; count: number; templates: Template[]; seed?: number }): GeneratedCorpus {
  const { dir, count, templates } = options;
  const random = createRandom(options.seed ?? 20240601);
  const poolSize = Math.max(50, Math.ceil(3 * Math.pow(count, 0.8)));
  const surnames = createSurnames(poolSize, random);
  const speakers = surnames.map((s, i) => `${FIRST[(i * 7919 + Math.floor(random() * FIRST.length)) % FIRST.length]} ${s}`);
  const outlets = Array.from(new Set(PLACES.flatMap((p) => PAPERS.map((q) => `The ${p} ${q}`)))).sort(() => random() - 0.5);
  const outletCount = Math.min(outlets.length, Math.max(10, Math.ceil(Math.sqrt(count) * 2)));
  const pickSpeaker = createZipf(poolSize, 0.9, random);
  const pickOutlet = createZipf(outletCount, 1.1, random);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const years = Array.from({ length: 20 }, (_, i) => 2005 + i);
  const yearWeights = years.map((_, i) => 1 + i / 6);
  const yearTotal = yearWeights.reduce((a, b) => a + b, 0);
  const pickYear = (): number => {
    let x = random() * yearTotal;
    for (let i = 0; i < years.length; i++) if ((x -= yearWeights[i]!) <= 0) return years[i]!;
    return years[years.length - 1]!;
  };
  for (let n = 0; n < count; n++) {
    const names = new Map<string, string>();
    const nameFor = (source: number, i: string): string => {
      const key = `${source}:${i}`;
      let name = names.get(key);
      if (!name) names.set(key, (name = speakers[pickSpeaker()]!));
      return name;
    };
    const fill = (text: string, source: number): string =>
      text.replace(/\{([PS])(\d+)\}/g, (_, kind: string, i: string) => {
        const name = nameFor(source, i);
        return kind === 'P' ? name : name.split(' ').pop()!;
      });
    const want = 8 + Math.floor(random() * 7);
    const paragraphs: string[] = [];
    let first = -1;
    while (paragraphs.length < want) {
      const source = Math.floor(random() * templates.length);
      if (first < 0) first = source;
      const t = templates[source]!;
      if (t.paragraphs.length === 0) continue;
      const run = 2 + Math.floor(random() * 5);
      const start = Math.floor(random() * t.paragraphs.length);
      for (const p of t.paragraphs.slice(start, start + run)) paragraphs.push(fill(p, source));
    }
    const outlet = outlets[pickOutlet()]!;
    const year = pickYear();
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const r = random();
    const published = r < 0.9 ? `${year}-${pad(month)}-${pad(day)}` : r < 0.98 ? `${year}-${pad(month)}` : `${year}`;
    const title = fill(templates[first]!.title, first).replace(/"/g, "'");
    const id = `${published}-${slug(outlet)}-${pad(n, 6)}`;
    const front = [
      '---',
      `title: "${title.replace(/\\/g, '')}"`,
      `outlet: ${outlet}`,
      `published: ${published}`,
      `url: https://${slug(outlet)}.example.org/news/${pad(n, 6)}`,
      '---',
    ].join('\n');
    writeFileSync(path.join(dir, `${id}.md`), `${front}\n${paragraphs.join('\n\n')}\n`);
  }
  return { dir, articles: count, speakers, outlets: outlets.slice(0, outletCount) };
}

/** Number of article files in a generated corpus folder, or 0 when there is none. */
export function countArticles(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).length : 0;
}
