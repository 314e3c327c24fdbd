import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** The feeds file, beside the articles. */
export const FEEDS_FILE = 'feeds.yml';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
/** The shortest interval accepted: polling faster than this is unkind to the outlet. */
export const MIN_EVERY_MS = 5000;

/** `5s`, `15m`, `2h`: any whole number of seconds, minutes or hours, at least 5 s. */
export const EverySchema = z
  .string()
  .trim()
  .regex(/^\d{1,6}\s*[smh]$/, 'must be a number of s, m or h, e.g. 5s, 15m, 2h')
  .transform((text) => Number(text.slice(0, -1).trim()) * UNIT_MS[text.slice(-1) as keyof typeof UNIT_MS])
  .refine((ms) => ms >= MIN_EVERY_MS, { message: 'must be at least 5s' });

/** One polled feed. */
export const FeedEntrySchema = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }),
    every: EverySchema,
    /** The outlet of every item, instead of the feed's title. */
    outlet: z.string().trim().min(1, 'must not be empty').optional(),
    /** True only for a feed on your own network (private and loopback addresses are refused otherwise). */
    allow_private: z.boolean().default(false),
  })
  .strict();
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

export const FeedsFileSchema = z.object({ feeds: z.array(FeedEntrySchema).default([]) }).strict();

/** The feeds file read: its feeds, or the problem that made it unusable (file and field named). */
export type FeedsFile = { kind: 'feeds'; feeds: FeedEntry[] } | { kind: 'none' } | { kind: 'invalid'; message: string };

/** Reads `<corpus>/feeds.yml`. No file means no feeds; an invalid file polls nothing and says why. */
export async function loadFeedsFile(corpusDir: string): Promise<FeedsFile> {
  let text: string;
  try {
    text = await readFile(path.join(corpusDir, FEEDS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'invalid', message: `${FEEDS_FILE}: error: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    return { kind: 'invalid', message: `${FEEDS_FILE}: error: not valid YAML (${(error as Error).message.split('\n')[0]})` };
  }
  const parsed = FeedsFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(file)';
    return { kind: 'invalid', message: `${FEEDS_FILE}: error: ${field}: ${issue.message}` };
  }
  return { kind: 'feeds', feeds: parsed.data.feeds };
}
