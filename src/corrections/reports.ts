import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** A "Wrong speaker?" report: which statement, what was shown, who reported it and when. */
export const ReportSchema = z.object({
  statementId: z.string().min(1),
  articleId: z.string().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The words and the speaker as the reporter saw them. */
  text: z.string(),
  speaker: z.string().nullable(),
  kind: z.enum(['direct', 'indirect']),
  reporter: z.object({ platform: z.enum(['slack', 'teams', 'cli']), id: z.string(), name: z.string().optional() }),
  at: z.string(),
  comment: z.string().max(2000).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/** What an adapter passes: who reports which statement, and an optional comment. */
export interface ReportInput {
  statementId: string;
  reporter: Report['reporter'];
  comment?: string;
}

/** `<corpus>/.briefbot/reports.jsonl`: reports beside the corpus, never read when answering. */
export function reportsPath(corpusDir: string): string {
  return path.join(corpusDir, '.briefbot', 'reports.jsonl');
}

/**
 * Appends one report as one line, in a single write to a file opened for appending, so reports
 * from several requests (or processes) never interleave or overwrite one another.
 */
export async function appendReport(corpusDir: string, report: Report): Promise<void> {
  const file = reportsPath(corpusDir);
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'a');
  try {
    await handle.write(`${JSON.stringify(ReportSchema.parse(report))}\n`);
  } finally {
    await handle.close();
  }
}

/** Every report recorded, oldest first; unreadable lines are counted, not thrown. */
export async function readReports(corpusDir: string): Promise<{ reports: Report[]; badLines: number[] }> {
  let text: string;
  try {
    text = await readFile(reportsPath(corpusDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { reports: [], badLines: [] };
    throw error;
  }
  const reports: Report[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const parsed = ReportSchema.safeParse(JSON.parse(line));
      if (parsed.success) reports.push(parsed.data);
      else badLines.push(i + 1);
    } catch {
      badLines.push(i + 1);
    }
  });
  return { reports, badLines };
}
