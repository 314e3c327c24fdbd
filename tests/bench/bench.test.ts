import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isValidSlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createRandom, createZipf, generateCorpus, readTemplates } from '../../bench/generate-corpus.js';
import { createQuestionMix, percentile } from '../../bench/questions.js';
import { signSlashCommand } from '../../bench/serve-load.js';
import { extractStatements } from '../../src/statements/extract-statements.js';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/wikinews-sample.jsonl');

describe('the benchmark corpus generator', () => {
  let templates: ReturnType<typeof readTemplates>;
  const dirs: string[] = [];
  const tmp = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-bench-'));
    dirs.push(dir);
    return dir;
  };
  beforeAll(() => {
    templates = readTemplates(SAMPLE);
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the same corpus twice for the same size and seed', () => {
    const [a, b] = [tmp(), tmp()];
    generateCorpus({ dir: a, count: 15, templates });
    generateCorpus({ dir: b, count: 15, templates });
    const files = readdirSync(a).sort();
    expect(files).toHaveLength(15);
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(b, f), 'utf8')).toBe(readFileSync(path.join(a, f), 'utf8'));
  });

  it('writes valid corpus files whose quotes are attributed to the invented speakers', async () => {
    const dir = tmp();
    const generated = generateCorpus({ dir, count: 30, templates });
    const corpus = await loadCorpus(dir);
    expect(corpus.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(corpus.articles).toHaveLength(30);
    const { statements, speakers } = extractStatements(corpus.articles);
    const invented = new Set(generated.speakers);
    const named = speakers.filter((s) => invented.has(s.name));
    expect(named.length).toBeGreaterThan(5);
    // Dates spread over years, as in an archive.
    expect(new Set(corpus.articles.map((a) => a.published.value.slice(0, 4))).size).toBeGreaterThan(5);
    const questions = createQuestionMix(statements, speakers, 3);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['speaker+topic', 'typo', 'date range', 'topic', 'who said']));
  });

  it('draws low ranks far more often than high ones', () => {
    const draw = createZipf(100, 1, createRandom(1));
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 20000; i++) counts[draw()]!++;
    expect(counts[0]!).toBeGreaterThan(counts[9]! * 5);
    expect(counts[99]!).toBeGreaterThan(0);
  });
});

describe('percentile', () => {
  it('gives the nearest-rank value', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
  });
});

describe('signSlashCommand', () => {
  it('signs a slash command as Slack does, so Bolt accepts it', () => {
    const now = Math.floor(Date.now() / 1000);
    const { body, headers } = signSlashCommand('what did Dixon say?', 1, 'a-signing-secret', now);
    expect(new URLSearchParams(body).get('text')).toBe('what did Dixon say?');
    const valid = (secret: string) =>
      isValidSlackRequest({ signingSecret: secret, body, headers: { 'x-slack-signature': headers['x-slack-signature']!, 'x-slack-request-timestamp': now } });
    expect(valid('a-signing-secret')).toBe(true);
    expect(valid('another-secret')).toBe(false);
  });
});
