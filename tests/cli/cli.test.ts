import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { AnswerSchema } from '../../src/index.js';

const ROOT = path.join(import.meta.dirname, '../..');
const CORPUS = path.join(ROOT, 'corpus');
const INVALID = path.join(ROOT, 'tests/fixtures/corpus-invalid');

/** Runs the CLI in-process and returns what it printed and its exit code. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'briefbot', ...args], { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('briefbot CLI', () => {
  it('ask prints the quote, speaker, outlet, date and link', async () => {
    const r = await run('ask', 'what did Dixon say about senates?', '--corpus', CORPUS);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1. “All practices and GP commissioners need to be involved. **Senates should be only advisory not authorising');
    expect(r.out).toContain('— Michael Dixon');
    expect(r.out).toContain('NHS Alliance (press release), “Clinically-Led Commissioning Must Not Be Set Up To Fail”, 20 June 2011');
    expect(r.out).toContain('http://primarycarereports.co.uk/clinicallyled_commissioning_must_not_be_set_up_to_fail.html');
  });

  it('ask marks estimated and month-only dates', async () => {
    const r = await run('ask', 'who called commissioners demolition experts?', '--corpus', CORPUS);
    expect(r.out).toContain('about 22 November 2012 (estimated)');
    const pulse = await run('ask', 'what did Dixon say about disillusionment?', '--corpus', CORPUS);
    expect(pulse.out).toContain('about January 2012 (estimated)');
  });

  it('ask --json prints a valid Answer, honouring --limit', async () => {
    const r = await run('ask', 'what did Dixon say?', '--json', '--limit', '2', '--corpus', CORPUS);
    const answer = AnswerSchema.parse(JSON.parse(r.out));
    expect(answer.kind === 'results' && answer.results.length).toBe(2);
  });

  it('reads the corpus folder from BRIEFBOT_CORPUS', async () => {
    const out: string[] = [];
    const code = await main(['node', 'briefbot', 'sources'], { out: (s) => out.push(s), err: () => {}, env: { BRIEFBOT_CORPUS: INVALID } });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('A valid article');
  });

  it('quotes --json lists every statement with its offsets, kind, speaker, cue and quotation', async () => {
    const r = await run('quotes', '--json', '--corpus', CORPUS);
    const rows = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(50);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'articleId', 'text', 'start', 'end', 'kind', 'speaker', 'speakerId', 'cue', 'quotation']);
    expect(rows.find((q) => q.text === 'ensure national consistency in accessing services, reduce variation, and set clear quality standards leading to better health outcomes for patients')).toMatchObject({ speaker: 'Ian Dalton', kind: 'direct' });
  });

  it('speakers and sources list the corpus', async () => {
    const speakers = await run('speakers', '--corpus', CORPUS);
    expect(speakers.out.split('\n')[0]).toMatch(/^Michael Dixon/);
    const json = JSON.parse((await run('sources', '--json', '--corpus', CORPUS)).out);
    expect(json.sources).toHaveLength(5);
  });

  it('check passes on the bundled corpus', async () => {
    const r = await run('check', '--corpus', CORPUS);
    expect(r).toMatchObject({ code: 0, out: '5 articles valid, 0 files with errors', err: '' });
  });

  it('check lists every problem with file and field and exits 1', async () => {
    const r = await run('check', '--corpus', INVALID);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing-title\.md: error: title: is required/);
    expect(r.err).toMatch(/bad-date\.md: error: published: /);
    expect(r.out).toBe('1 article valid, 7 files with errors');
  });

  it('errors go to stderr with a non-zero exit', async () => {
    const r = await run('ask', 'senates', '--corpus', path.join(ROOT, 'no-such-folder'));
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^briefbot: /);
    const bad = await run('ask', 'x', '--limit', 'many');
    expect(bad.code).not.toBe(0);
  });

  it('runs as `npx briefbot` with no build step', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/briefbot.mjs'), 'ask', 'what did Dixon say about senates?', '--limit', '1'], { cwd: ROOT });
    expect(stdout).toContain('Senates should be only advisory');
  });
});
