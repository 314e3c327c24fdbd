import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CorpusProblem } from '../corpus/corpus-problem.js';

/** The corrections file, beside the articles. */
export const CORRECTIONS_FILE = 'corrections.yml';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** What the editor decided about a statement. */
export const DecisionSchema = z.enum(['speaker', 'not_a_quote', 'reported_speech']);

/** One editor's decision about one statement, found by its article and offsets. */
export const CorrectionSchema = z
  .object({
    /** The article id (its file name without `.md`). */
    article: nonEmpty,
    /** The statement's offsets in the article body, as `briefbot quotes --json` and the reports give them. */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    /** `speaker`: the right speaker is `speaker`; `not_a_quote`: nobody said it; `reported_speech`: a paraphrase, not verbatim. */
    decision: DecisionSchema,
    /** The right speaker's name, for `decision: speaker`. */
    speaker: nonEmpty.optional(),
    editor: nonEmpty,
    reason: nonEmpty,
  })
  .strict()
  .refine((c) => c.end > c.start, { message: 'must be after start', path: ['end'] })
  .refine((c) => c.decision !== 'speaker' || c.speaker !== undefined, { message: 'is required when decision is "speaker"', path: ['speaker'] });
export type Correction = z.infer<typeof CorrectionSchema>;

/** The file: `corrections:` followed by a list of corrections. */
export const CorrectionsFileSchema = z.object({ corrections: z.array(CorrectionSchema).default([]) }).strict();

/**
 * Reads `<corpus>/corrections.yml`. No file means no corrections. An invalid file yields no
 * corrections and a problem naming the file and the field (`corrections[2].speaker`).
 */
export async function loadCorrections(corpusDir: string): Promise<{ corrections: Correction[]; problems: CorpusProblem[] }> {
  const file = path.join(corpusDir, CORRECTIONS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { corrections: [], problems: [] };
    throw error;
  }
  let data: unknown;
  try {
    data = parseYaml(text) ?? { corrections: [] };
  } catch (error) {
    return { corrections: [], problems: [{ file, field: null, message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const parsed = CorrectionsFileSchema.safeParse(data);
  if (parsed.success) return { corrections: parsed.data.corrections, problems: [] };
  return {
    corrections: [],
    problems: parsed.error.issues.map((issue) => ({ file, field: formatPath(issue.path), message: issue.message })),
  };
}

function formatPath(parts: ReadonlyArray<PropertyKey>): string | null {
  if (!parts.length) return null;
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
