import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer-schema.js';
import { importJsonl } from '../../src/ingest/import-jsonl.js';
import { createSilentLogger } from '../../src/logging.js';
import { createLiveBriefbot, type LiveBriefbot } from '../../src/live/create-live-briefbot.js';

const SENATES = 'Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.';

function firstText(answer: Answer): string | null {
  return answer.kind === 'results' ? answer.results[0]?.text ?? null : null;
}

/** The Wikinews row about the Jolo cathedral bombing, where Delfin Lorenzana is quoted. */
async function writeLorenzanaBatch(dir: string): Promise<string> {
  const rows = (await readFile(path.resolve('tests/fixtures/wikinews-sample.jsonl'), 'utf8')).trim().split('\n');
  const row = rows.find((r) => r.includes('Lorenzana'));
  if (!row) throw new Error('the sample lost its Lorenzana row');
  const file = path.join(dir, 'one.jsonl');
  await writeFile(file, `${row}\n`);
  return file;
}

describe('createLiveBriefbot with openBriefbot', () => {
  let dir: string;
  let corpusDir: string;
  let live: LiveBriefbot | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'briefbot-live-real-'));
    corpusDir = path.join(dir, 'corpus');
    await cp(path.resolve('corpus'), corpusDir, { recursive: true });
  });
  afterEach(async () => {
    await live?.close();
    live = null;
    await rm(dir, { recursive: true, force: true });
  });

  it('answers about an article added while questions keep coming, with no question failing during the swap', async () => {
    live = await createLiveBriefbot({ corpusDir, logger: createSilentLogger(), debounceMs: 100 }).whenReady();
    const holder = live;
    expect(firstText(await holder.ask('what did Dixon say about senates?'))).toBe(SENATES);
    expect(firstText(await holder.ask('what did Lorenzana say about justice?'))).toBeNull();

    let stop = false;
    let asked = 0;
    const failures: unknown[] = [];
    const asking = (async () => {
      while (!stop) {
        try {
          const text = firstText(await holder.ask('what did Dixon say about senates?'));
          if (text !== SENATES) failures.push(text);
        } catch (error) {
          failures.push(error);
        }
        asked += 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();

    const started = Date.now();
    const report = await importJsonl(await writeLorenzanaBatch(dir), corpusDir);
    expect(report.added).toHaveLength(1);
    let answer: Answer | null = null;
    while (Date.now() - started < 5000) {
      const a = await holder.ask('what did Lorenzana say about justice?');
      if (a.kind === 'results') {
        answer = a;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const ms = Date.now() - started;
    stop = true;
    await asking;

    expect(answer?.kind).toBe('results');
    if (answer?.kind !== 'results') return;
    expect(answer.results[0]?.text).toContain('We will use the full force of the law to bring to justice the perpetrators behind this incident');
    expect(answer.results[0]?.speaker?.name).toMatch(/Lorenzana/);
    expect(answer.results[0]?.sources[0]).toMatchObject({ outlet: 'Wikinews', date: { value: '2019-01-28' } });
    expect(ms).toBeLessThan(5000);
    expect(asked).toBeGreaterThan(5);
    expect(failures).toEqual([]);
  });

  it('keeps serving the other articles when a broken file is dropped in', async () => {
    live = await createLiveBriefbot({ corpusDir, logger: createSilentLogger(), debounceMs: 100 }).whenReady();
    await writeFile(path.join(corpusDir, '2024-01-01-broken.md'), '---\ntitle: No date\noutlet: X\nurl: https://example.org/x\n---\n"Text," said Someone.\n');
    await live.reload();
    expect(live.current()?.problems.some((p) => p.file.endsWith('2024-01-01-broken.md'))).toBe(true);
    expect(firstText(await live.ask('what did Dixon say about senates?'))).toBe(SENATES);
  });
});
