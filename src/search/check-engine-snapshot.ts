import { z } from 'zod';
import { PublishedDateSchema } from '../corpus/article.js';
import type { EngineSnapshot } from './engine-cache.js';
import { FIELD_COUNT, type TermIndexState } from './term-index.js';

/**
 * The shapes of the persisted index's files, checked before anything is built from them, and the
 * structural checks of its postings (ranges, order, references) that keep a damaged cache from
 * hanging a loop or answering with another article's words. Each returns a reason, or null.
 */

const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const CacheManifestSchema = z.object({
  format: z.number().int(),
  key: z.string().min(1),
  base: z.string().min(1),
  savedAt: z.string(),
  /** Every other file of the cache with the sha256 and size of its bytes. */
  files: z.record(z.string(), z.object({ sha256, bytes: count })),
});
export type CacheManifest = z.infer<typeof CacheManifestSchema>;

const problemSchema = z.object({ file: z.string(), field: z.string().nullable(), message: z.string(), severity: z.enum(['error', 'warning']).optional() });

const speakerSchema = z.object({ id: z.string().min(1), name: z.string(), kind: z.enum(['person', 'organisation']), aliases: z.array(z.string()), roles: z.array(z.string()) });

export const EngineFileSchema = z.object({
  key: z.string(),
  files: z.array(z.object({ name: z.string(), hash: z.string(), meta: z.looseObject({ id: z.string(), title: z.string(), outlet: z.string(), url: z.string(), published: PublishedDateSchema }).nullable(), problems: z.array(problemSchema) })),
  articleIds: z.array(z.string()),
  speakers: z.array(speakerSchema),
  docs: z.array(z.tuple([count, count, count, z.union([z.literal(0), z.literal(1)]), z.number().int().min(-1), z.string().nullable(), z.number().int().min(-1), z.number().int().min(-1)]).nullable()),
  groups: z.array(z.array(count).min(1)),
});

const range = z.tuple([count, count]);
export const IndexHeaderSchema = z.object({
  key: z.string(),
  terms: z.array(z.string()),
  docCount: count,
  docTotal: count,
  avgFieldLength: z.array(z.number().nonnegative()).length(FIELD_COUNT),
  delta: z.array(z.array(z.tuple([count, z.array(count), z.array(count)]))).length(FIELD_COUNT),
  layout: z.object({
    offsets: z.array(range).length(FIELD_COUNT),
    postDocs: z.array(range).length(FIELD_COUNT),
    postTfs: z.array(range).length(FIELD_COUNT),
    fieldLength: z.array(range).length(FIELD_COUNT),
    alive: z.array(range).length(1),
  }),
});
export type IndexHeader = z.infer<typeof IndexHeaderSchema>;

/** The first issue zod found, as "path: message". */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

/** Whether each layout range lies inside a file of `size` bytes at an offset its element type can be read at. */
export function checkLayout(layout: IndexHeader['layout'], size: number): string | null {
  const widths = { offsets: 4, postDocs: 4, postTfs: 2, fieldLength: 2, alive: 1 } as const;
  for (const [name, width] of Object.entries(widths) as Array<[keyof typeof widths, number]>) {
    for (const [at, n] of layout[name]) {
      if (at % width !== 0) return `${name} starts at an unaligned offset`;
      if (at + n * width > size) return `${name} runs past the end of index.bin`;
    }
  }
  return null;
}

/** Checks the postings: every loop over them is bounded by their lengths, every document number is real. */
export function checkTermIndexState(state: TermIndexState): string | null {
  const { docTotal, docCount, terms } = state;
  if (docCount > docTotal) return 'more live documents than documents';
  if (state.alive.length !== docTotal) return 'alive does not cover every document';
  let live = 0;
  for (let d = 0; d < docTotal; d++) {
    const a = state.alive[d]!;
    if (a > 1) return 'alive holds a value other than 0 or 1';
    live += a;
  }
  if (live !== docCount) return 'docCount does not match the live documents';
  const blockTerms = state.offsets[0]!.length - 1;
  if (blockTerms < 0 || blockTerms > terms.length) return 'the posting block has more terms than the dictionary';
  for (let f = 0; f < FIELD_COUNT; f++) {
    const offsets = state.offsets[f]!;
    const docs = state.postDocs[f]!;
    if (offsets.length !== blockTerms + 1) return `field ${f}: offsets of another length`;
    if (state.postTfs[f]!.length !== docs.length) return `field ${f}: postings and frequencies differ in length`;
    if (state.fieldLength[f]!.length !== docTotal) return `field ${f}: field lengths do not cover every document`;
    if (offsets[0] !== 0 || offsets[blockTerms] !== docs.length) return `field ${f}: offsets do not span the postings`;
    for (let t = 0; t < blockTerms; t++) {
      const from = offsets[t]!;
      const to = offsets[t + 1]!;
      if (to < from) return `field ${f}: offsets go backwards at term ${t}`;
      let previous = -1;
      for (let p = from; p < to; p++) {
        const doc = docs[p]!;
        if (doc <= previous || doc >= docTotal) return `field ${f}: postings of term ${t} out of order or range`;
        previous = doc;
      }
    }
    for (const [term, list, tfs] of state.delta[f]!) {
      if (term >= terms.length) return `field ${f}: an added posting names an unknown term`;
      if (list.length !== tfs.length || list.some((d) => d >= docTotal)) return `field ${f}: added postings out of range`;
    }
  }
  return null;
}

/** Checks the statements and groups against the index and the lists they point into. */
export function checkSnapshotReferences(snapshot: EngineSnapshot): string | null {
  if (snapshot.docs.length !== snapshot.index.docTotal) return 'statements and index documents differ in number';
  if (new Set(snapshot.articleIds).size !== snapshot.articleIds.length) return 'an article id is listed twice';
  const seen = new Set<string>();
  for (const [i, saved] of snapshot.docs.entries()) {
    if (!saved) {
      if (snapshot.index.alive[i]) return `document ${i} is live but has no statement`;
      continue;
    }
    const [article, start, end, , speaker, , quoteStart, quoteEnd] = saved;
    if (article >= snapshot.articleIds.length) return `document ${i} names an unknown article`;
    if (speaker >= snapshot.speakers.length) return `document ${i} names an unknown speaker`;
    if (end < start) return `document ${i} ends before it starts`;
    if ((quoteStart < 0) !== (quoteEnd < 0) || quoteEnd < quoteStart || (quoteStart >= 0 && (quoteStart > start || quoteEnd < end))) return `document ${i} has a quotation that does not hold it`;
    const id = `${snapshot.articleIds[article]}#${start}`;
    if (seen.has(id)) return `document ${i} repeats statement ${id}`;
    seen.add(id);
  }
  for (const group of snapshot.groups) if (group.some((d) => d >= snapshot.docs.length)) return 'a group names an unknown document';
  return null;
}
