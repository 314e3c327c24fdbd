import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Row {
  id: string;
  title: string;
  outlet: string;
  date: string;
  url: string;
  body: string;
}

/** The Wikinews sample fixture's rows (or another fixture file's): real articles nobody here wrote. */
export function readSampleRows(name = 'wikinews-sample.jsonl'): Row[] {
  const file = path.join(import.meta.dirname, '../fixtures', name);
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Row);
}

/** One row as a corpus file's text. */
export function toCorpusFile(row: Row): string {
  return `---\ntitle: ${JSON.stringify(row.title)}\noutlet: ${row.outlet}\npublished: ${row.date}\nurl: ${row.url}\n---\n${row.body}\n`;
}

/** A temporary corpus folder holding the first `count` sample articles (and every row of `extra` fixture files). */
export function writeSampleCorpus(count: number, extra: string[] = []): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-cache-'));
  for (const row of [...readSampleRows().slice(0, count), ...extra.flatMap((name) => readSampleRows(name))]) writeFileSync(path.join(dir, `${row.id}.md`), toCorpusFile(row));
  return dir;
}
