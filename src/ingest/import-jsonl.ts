import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createArticleDraft } from './article-draft.js';
import { readCorpusKeys } from './corpus-keys.js';
import { IngestError, isIngestError } from './ingest-error.js';
import { saveArticle } from './save-article.js';
import { toPublishedValue } from './to-published-value.js';

/** One line of a batch file; other fields are ignored. */
export const ImportLineSchema = z.object({
  title: z.string(),
  outlet: z.string(),
  date: z.union([z.string(), z.number().int()]),
  url: z.string(),
  body: z.string(),
  licence: z.string().optional(),
  byline: z.string().optional(),
});
export type ImportLine = z.infer<typeof ImportLineSchema>;

/** What an import did. */
export interface ImportReport {
  added: string[];
  duplicates: Array<{ line: number; file: string; by: 'url' | 'body' }>;
  bad: Array<{ line: number; message: string }>;
}

/** The licence Wikinews text is published under. */
export const WIKINEWS_LICENCE = 'CC BY 2.5, Wikinews';

function isWikinews(line: ImportLine): boolean {
  if (/^wikinews$/i.test(line.outlet.trim())) return true;
  try {
    return /(^|\.)wikinews\.org$/i.test(new URL(line.url).hostname);
  } catch {
    return false;
  }
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const field = issue.path.join('.') || 'line';
  return issue.input === undefined ? `${field}: is required` : `${field}: ${issue.message}`;
}

/**
 * Imports a JSON-lines file of `{title, outlet, date, url, body}` objects into the corpus folder.
 * A bad line is reported with its number and the rest are imported; an article already in the
 * corpus (same address or same body) is skipped and counted. Wikinews rows get its CC BY 2.5 licence.
 */
export async function importJsonl(file: string, corpusDir: string, now: () => Date = () => new Date()): Promise<ImportReport> {
  const keys = await readCorpusKeys(corpusDir);
  const report: ImportReport = { added: [], duplicates: [], bad: [] };
  const today = now().toISOString().slice(0, 10);
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === '') continue;
    try {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new IngestError('bad_field', 'not valid JSON');
      }
      const parsed = ImportLineSchema.safeParse(json);
      if (!parsed.success) throw new IngestError('bad_field', describeIssue(parsed.error.issues[0]));
      const row = parsed.data;
      const published = toPublishedValue(String(row.date));
      if (!published) throw new IngestError('bad_field', `date: "${row.date}" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)`);
      const licence = row.licence ?? (isWikinews(row) ? WIKINEWS_LICENCE : undefined);
      const draft = createArticleDraft({
        title: row.title,
        outlet: row.outlet,
        published,
        url: row.url,
        ...(row.byline ? { byline: row.byline } : {}),
        ...(licence ? { licence } : {}),
        source: `briefbot import ${path.basename(file)} line ${number} on ${today}`,
      }, row.body);
      const saved = await saveArticle(draft, corpusDir, keys);
      if (saved.kind === 'added') report.added.push(saved.file);
      else report.duplicates.push({ line: number, file: saved.file, by: saved.by });
    } catch (error) {
      if (!isIngestError(error) || error.code === 'write_failed') throw error;
      report.bad.push({ line: number, message: error.message });
    }
  }
  return report;
}
