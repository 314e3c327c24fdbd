import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What `briefbot feeds` shows of one feed, and the validators for the next conditional GET. */
export const FeedStatusSchema = z.object({
  lastFetch: z.string().nullable(),
  lastSuccess: z.string().nullable(),
  itemsAdded: z.number().int(),
  lastError: z.string().nullable(),
  failures: z.number().int(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
});
export type FeedStatus = z.infer<typeof FeedStatusSchema>;

const StateFileSchema = z.record(z.string(), FeedStatusSchema);

/** Where the feeds' state is kept, beside the watches. */
export function feedStatePath(corpusDir: string): string {
  return path.join(corpusDir, '.briefbot', 'feeds-state.json');
}

export const EMPTY_STATUS: FeedStatus = { lastFetch: null, lastSuccess: null, itemsAdded: 0, lastError: null, failures: 0 };

/** Reads the state file; a missing or damaged file is an empty state (the feeds are simply fetched again). */
export function readFeedState(corpusDir: string): Record<string, FeedStatus> {
  try {
    const parsed = StateFileSchema.safeParse(JSON.parse(readFileSync(feedStatePath(corpusDir), 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Writes the whole state to a temporary file, then renames it into place: a crash leaves the old or the new file, never half of one. */
export function writeFeedState(corpusDir: string, state: Record<string, FeedStatus>): void {
  const file = feedStatePath(corpusDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, file);
}
