import { cp, mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer-schema.js';
import type { BriefbotEngine, OpenOptions } from '../../src/answer/open-briefbot.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLiveBriefbot, type LiveBriefbot } from '../../src/live/create-live-briefbot.js';
import { writeArticleFile } from '../../src/ingest/write-article-file.js';

const BUNDLED = path.resolve('corpus');

/**
 * An engine over the real corpus loader that answers with the articles whose text contains the
 * question, slowed down so that rebuilds overlap the questions asked meanwhile. The live holder
 * only delegates, so what it is tested on is which corpus answers, and when.
 */
async function openTextEngine({ corpusDir }: OpenOptions): Promise<BriefbotEngine> {
  const corpus = await loadCorpus(corpusDir);
  await new Promise((resolve) => setTimeout(resolve, 150));
  return {
    corpusDir,
    articles: corpus.articles,
    statements: [],
    speakers: [],
    problems: corpus.problems,
    quote: async () => null,
    result: async () => null,
    report: async () => false,
    async ask(question: string): Promise<Answer> {
      const needle = question.toLowerCase();
      const hits = corpus.articles.filter((a) => a.body.toLowerCase().includes(needle));
      return {
        kind: 'sources',
        sources: hits.map((a) => ({ articleId: a.id, outlet: a.outlet, title: a.title, url: a.url, date: a.published, statements: 0 })),
      };
    },
  };
}

function titles(answer: Answer): string[] {
  return answer.kind === 'sources' ? answer.sources.map((s) => s.title) : [];
}

function captureLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const NEW_ARTICLE = `---
title: Trust chiefs warn winter plan leaves A&E exposed
outlet: Northern Health Gazette
published: 2024-11-18
url: https://www.northernhealthgazette.co.uk/news/2024/11/trust-chiefs-warn-winter-plan/
---
“Corridor care has become routine,” said Dr Martin Hale, a consultant in emergency medicine.
`;

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe();
    if (value !== null) return { value, ms: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`not seen within ${timeoutMs} ms`);
}

describe('createLiveBriefbot', () => {
  let dir: string;
  let live: LiveBriefbot | null = null;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'briefbot-live-'));
    await cp(BUNDLED, dir, { recursive: true });
  });
  afterEach(async () => {
    await live?.close();
    live = null;
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a question asked before the first index is built, once it is', async () => {
    const { logger } = captureLogger();
    live = createLiveBriefbot({ corpusDir: dir, logger, open: openTextEngine });
    expect(live.isReady()).toBe(false);
    const answer = await live.ask('senates should be only advisory');
    expect(live.isReady()).toBe(true);
    expect(titles(answer)).toEqual(['Clinically-Led Commissioning Must Not Be Set Up To Fail']);
  });

  it('serves a file added while questions are being asked, within seconds, dropping none', async () => {
    const { logger, lines } = captureLogger();
    live = await createLiveBriefbot({ corpusDir: dir, logger, open: openTextEngine, debounceMs: 100 }).whenReady();
    const holder = live;
    let asked = 0;
    const failures: unknown[] = [];
    let stop = false;
    const asking = (async () => {
      while (!stop) {
        try {
          const answer = await holder.ask('senates');
          if (!titles(answer).includes('Clinically-Led Commissioning Must Not Be Set Up To Fail')) failures.push(answer);
        } catch (error) {
          failures.push(error);
        }
        asked += 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();

    expect(titles(await holder.ask('corridor care'))).toEqual([]);
    await writeArticleFile(dir, () => '2024-11-18-northern-health-gazette-winter-plan.md', NEW_ARTICLE);
    const seen = await waitFor(async () => {
      const found = titles(await holder.ask('corridor care'));
      return found.length ? found : null;
    }, 5000);
    stop = true;
    await asking;

    expect(seen.value).toEqual(['Trust chiefs warn winter plan leaves A&E exposed']);
    expect(seen.ms).toBeLessThan(3000);
    expect(asked).toBeGreaterThan(10);
    expect(failures).toEqual([]);
    expect(lines.some((l) => l.event === 'corpus_reloaded' && l.articles === 6)).toBe(true);
    // The temporary file of the atomic write never reached the corpus folder's listing (.briefbot holds reports and watches).
    expect((await readdir(dir)).filter((f) => f.startsWith('.') && f !== '.briefbot-cache' && f !== '.briefbot')).toEqual([]);
  });

  it('logs a broken file and keeps serving the others', async () => {
    const { logger, lines } = captureLogger();
    live = await createLiveBriefbot({ corpusDir: dir, logger, open: openTextEngine, debounceMs: 100 }).whenReady();
    await writeFile(path.join(dir, '2024-01-01-broken.md'), '---\ntitle: [unclosed\noutlet: X\n---\nCorridor care text.\n');
    await waitFor(async () => (lines.some((l) => l.event === 'corpus_problem') ? true : null), 5000);
    const problem = lines.find((l) => l.event === 'corpus_problem');
    expect(problem?.file).toBe(path.join(dir, '2024-01-01-broken.md'));
    expect(titles(await live.ask('senates'))).toContain('Clinically-Led Commissioning Must Not Be Set Up To Fail');
    expect(titles(await live.ask('corridor care'))).toEqual([]);
    expect(live.current()?.articles).toHaveLength(5);
  });

  it('drops a removed file from the answers', async () => {
    const { logger } = captureLogger();
    live = await createLiveBriefbot({ corpusDir: dir, logger, open: openTextEngine, debounceMs: 100 }).whenReady();
    await unlink(path.join(dir, '2011-06-20-nhs-alliance-clinically-led-commissioning.md'));
    const holder = live;
    await waitFor(async () => (titles(await holder.ask('senates should be only advisory')).length === 0 ? true : null), 5000);
    expect(live.current()?.articles).toHaveLength(4);
  });

  it('keeps answering from the previous engine when a rebuild fails', async () => {
    const { logger, lines } = captureLogger();
    let fail = false;
    const open = async (o: OpenOptions) => {
      if (fail) throw new Error('index exploded');
      return openTextEngine(o);
    };
    live = await createLiveBriefbot({ corpusDir: dir, logger, open }).whenReady();
    fail = true;
    await live.reload();
    expect(lines.some((l) => l.event === 'corpus_reload_failed')).toBe(true);
    expect(titles(await live.ask('senates'))).toContain('Clinically-Led Commissioning Must Not Be Set Up To Fail');
  });

  it('tells onBuild of each build: the first, a reload, a failed reload (the metrics count reloads from it)', async () => {
    const { logger } = captureLogger();
    const builds: Array<{ ok: boolean; first: boolean }> = [];
    let fail = false;
    const open = async (o: OpenOptions) => {
      if (fail) throw new Error('index exploded');
      return openTextEngine(o);
    };
    live = await createLiveBriefbot({ corpusDir: dir, logger, open, watchFolder: false, onBuild: (b) => builds.push(b) }).whenReady();
    await live.reload();
    fail = true;
    await live.reload();
    expect(builds).toEqual([
      { ok: true, first: true },
      { ok: true, first: false },
      { ok: false, first: false },
    ]);
  });

  it('logs each corpus problem once per change, not again on every reload (the real engine, which reports them each open)', async () => {
    const { logger, lines } = captureLogger();
    await writeFile(path.join(dir, 'broken.md'), '---\noutlet: Nowhere\n---\nNo title, no date, no url.\n');
    live = await createLiveBriefbot({ corpusDir: dir, logger, watchFolder: false }).whenReady();
    await live.reload();
    await live.reload();
    const aboutBroken = () => lines.filter((l) => l.event === 'corpus_problem' && String(l.file).includes('broken.md'));
    // One line per problem of the file (title, published, url), once.
    const first = aboutBroken().length;
    expect(first).toBeGreaterThan(0);
    expect(new Set(aboutBroken().map((l) => l.msg)).size).toBe(first);
    // A change to the file: its problems are new, so they are logged again, once.
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: Now with a title\n---\nStill no date.\n');
    await live.reload();
    await live.reload();
    const after = aboutBroken().slice(first);
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after.map((l) => l.msg)).size).toBe(after.length);
  });

  it('keeps answering when the corpus folder is deleted while serving, says so once, and picks it up when it is back', async () => {
    const { logger, lines } = captureLogger();
    live = await createLiveBriefbot({ corpusDir: dir, logger, open: openTextEngine, debounceMs: 50, folderCheckMs: 50 }).whenReady();
    await rm(dir, { recursive: true, force: true });
    await waitFor(async () => (lines.some((l) => l.event === 'corpus_folder_missing') ? true : null), 5000);
    // The last index answers on.
    expect(titles(await live.ask('senates should be only advisory'))).toEqual(['Clinically-Led Commissioning Must Not Be Set Up To Fail']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.filter((l) => l.event === 'corpus_folder_missing')).toHaveLength(1);
    // Back, with one article more: watched and indexed again without a restart.
    await cp(BUNDLED, dir, { recursive: true });
    await writeArticleFile(dir, () => '2024-11-18-trust-chiefs-warn.md', NEW_ARTICLE);
    const holder = live;
    await waitFor(async () => (titles(await holder.ask('corridor care has become routine')).length === 1 ? true : null), 5000);
    expect(lines.some((l) => l.event === 'corpus_folder_back')).toBe(true);
    // And the new watch works: a file added after the return is served too.
    await unlink(path.join(dir, '2024-11-18-trust-chiefs-warn.md'));
    await waitFor(async () => (titles(await holder.ask('corridor care has become routine')).length === 0 ? true : null), 5000);
  });

  it('rejects whenReady when the corpus folder does not exist', async () => {
    const { logger } = captureLogger();
    live = createLiveBriefbot({ corpusDir: path.join(dir, 'missing'), logger, open: openTextEngine });
    await expect(live.whenReady()).rejects.toThrow();
    expect(live.isReady()).toBe(false);
  });
});
