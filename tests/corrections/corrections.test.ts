import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { formatCitation, loadCorrections, openBriefbot, readReports, reportsPath } from '../../src/index.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');
const ARTICLE = '2011-06-20-nhs-alliance-clinically-led-commissioning';
const SENATES = 'Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.';

let dir: string;
let span: { start: number; end: number };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'briefbot-corrections-'));
  cpSync(CORPUS, dir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
  const body = readFileSync(path.join(dir, `${ARTICLE}.md`), 'utf8');
  const start = body.split(/\n---\n/).slice(1).join('\n---\n').indexOf(SENATES);
  span = { start, end: start + SENATES.length };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeCorrections(yaml: string): void {
  writeFileSync(path.join(dir, 'corrections.yml'), yaml);
}

function correction(decision: string, extra = ''): string {
  return `corrections:\n  - article: ${ARTICLE}\n    start: ${span.start}\n    end: ${span.end}\n    decision: ${decision}\n${extra}    editor: Jane Editor\n    reason: checked against the recording\n`;
}

async function senatesResult(question: string) {
  const engine = await openBriefbot({ corpusDir: dir, cache: 'off' });
  const answer = await engine.ask(question, { limit: 50 });
  return { engine, answer, result: answer.kind === 'results' ? answer.results.find((r) => r.text === SENATES) : undefined };
}

describe('corrections.yml', () => {
  it('finds the senates quote at the offsets a correction names (so the test corrects a real statement)', async () => {
    const { result } = await senatesResult('what did Dixon say about senates?');
    expect(result?.id).toBe(`${ARTICLE}#${span.start}`);
    expect(result?.correction).toBeUndefined();
  });

  it('changes the speaker shown everywhere: answers, citation, context, and the right speaker\'s questions', async () => {
    writeCorrections(correction('speaker', '    speaker: Jeremy Hunt\n'));
    const asDixon = await senatesResult('what did Dixon say about senates?');
    expect(asDixon.result, 'no longer given to Dixon').toBeUndefined();
    const { engine, result } = await senatesResult('what did Hunt say about senates?');
    expect(result?.speaker?.name).toBe('Jeremy Hunt');
    expect(result?.correction).toBe('speaker corrected by an editor');
    expect(formatCitation(result!)).toMatch(/,” said Jeremy Hunt/);
    const context = await engine.quote(result!.id);
    expect(context?.speaker?.name).toBe('Jeremy Hunt');
    expect(context?.correction).toBe('speaker corrected by an editor');
    const out: string[] = [];
    await main(['node', 'briefbot', 'ask', 'what did Hunt say about senates?', '--corpus', dir], { out: (s) => out.push(s), err: () => undefined, env: {} });
    expect(out.join('\n')).toContain('— Jeremy Hunt (Health secretary) (speaker corrected by an editor)');
  });

  it('adds a speaker the corpus does not know', async () => {
    writeCorrections(correction('speaker', '    speaker: Ann Other\n'));
    const { result } = await senatesResult('who said senates should be only advisory?');
    expect(result?.speaker).toMatchObject({ name: 'Ann Other', id: 'ann-other' });
    const byName = await senatesResult('what did Ann Other say?');
    expect(byName.answer.kind === 'results' && byName.answer.results.map((r) => r.text)).toEqual([SENATES]);
  });

  it('"reported_speech" shows the words as reported speech; "not_a_quote" removes them', async () => {
    writeCorrections(correction('reported_speech'));
    const reported = await senatesResult('what did Dixon say about senates?');
    expect(reported.result).toMatchObject({ kind: 'indirect', correction: 'marked as reported speech by an editor' });
    writeCorrections(correction('not_a_quote'));
    const removed = await senatesResult('what did Dixon say about senates?');
    expect(removed.result).toBeUndefined();
    expect(await removed.engine.quote(`${ARTICLE}#${span.start}`)).toBeNull();
  });

  it('survives re-extraction: applied on a rebuilt index and on the saved one alike', async () => {
    writeCorrections(correction('speaker', '    speaker: Jeremy Hunt\n'));
    for (const cache of ['rebuild', 'use'] as const) {
      const engine = await openBriefbot({ corpusDir: dir, cache });
      expect((await engine.result(`${ARTICLE}#${span.start}`))?.speaker?.name, cache).toBe('Jeremy Hunt');
    }
  });

  it('reports a stale correction (its span is no statement any more) in briefbot check, and changes nothing', async () => {
    writeCorrections(correction('speaker', '    speaker: Jeremy Hunt\n').replace(`start: ${span.start}`, `start: ${span.start + 1}`));
    const { result, engine } = await senatesResult('what did Dixon say about senates?');
    expect(result?.speaker?.name).toBe('Michael Dixon');
    expect(engine.problems).toEqual([expect.objectContaining({ field: 'corrections[0]', severity: 'warning', message: expect.stringMatching(/^stale: no statement at /) })]);
    const err: string[] = [];
    await main(['node', 'briefbot', 'check', '--corpus', dir], { out: () => undefined, err: (s) => err.push(s), env: {} });
    expect(err.join('\n')).toContain(`${path.join(dir, 'corrections.yml')}: warning: corrections[0]: stale:`);
  });

  it('reports an invalid file with the file and the field, and applies none of it', async () => {
    writeCorrections(correction('speaker'));
    const loaded = await loadCorrections(dir);
    expect(loaded.corrections).toEqual([]);
    expect(loaded.problems).toEqual([{ file: path.join(dir, 'corrections.yml'), field: 'corrections[0].speaker', message: 'is required when decision is "speaker"' }]);
    writeCorrections('corrections:\n  - article: x\n    start: "ten"\n    end: 4\n    decision: maybe\n    editor: J\n    reason: r\n');
    const fields = (await loadCorrections(dir)).problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['corrections[0].start', 'corrections[0].decision']));
    const err: string[] = [];
    const code = await main(['node', 'briefbot', 'check', '--corpus', dir], { out: () => undefined, err: (s) => err.push(s), env: {} });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(`${path.join(dir, 'corrections.yml')}: error: corrections[0].decision:`);
  });
});

describe('Wrong speaker? reports', () => {
  it('appends each report as one line beside the corpus, and never changes an answer by itself', async () => {
    const engine = await openBriefbot({ corpusDir: dir, cache: 'off', now: () => new Date('2026-12-03T10:00:00Z') });
    const id = `${ARTICLE}#${span.start}`;
    const before = await engine.ask('what did Dixon say about senates?');
    await Promise.all([
      engine.report({ statementId: id, reporter: { platform: 'slack', id: 'U1', name: 'pat' }, comment: 'I think this was Hunt' }),
      engine.report({ statementId: id, reporter: { platform: 'teams', id: '29:abc' } }),
    ]);
    expect(await engine.report({ statementId: 'nope#1', reporter: { platform: 'slack', id: 'U1' } })).toBe(false);
    const { reports, badLines } = await readReports(dir);
    expect(badLines).toEqual([]);
    expect(reports).toHaveLength(2);
    expect(reports.find((r) => r.reporter.platform === 'slack')).toEqual({
      statementId: id, articleId: ARTICLE, start: span.start, end: span.end, text: SENATES, speaker: 'Michael Dixon', kind: 'direct',
      reporter: { platform: 'slack', id: 'U1', name: 'pat' }, at: '2026-12-03T10:00:00.000Z', comment: 'I think this was Hunt',
    });
    expect(readFileSync(reportsPath(dir), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(await engine.ask('what did Dixon say about senates?')).toEqual(before);
    expect(await (await openBriefbot({ corpusDir: dir, cache: 'off' })).ask('what did Dixon say about senates?')).toEqual(before);
    const out: string[] = [];
    await main(['node', 'briefbot', 'reports', '--corpus', dir], { out: (s) => out.push(s), err: () => undefined, env: {} });
    expect(out.join('\n')).toContain('pat (slack)');
    expect(out.join('\n')).toContain(`correct it in corrections.yml with: article: ${ARTICLE}, start: ${span.start}, end: ${span.end}`);
  });
});

describe('a correction inside a longer quotation', () => {
  const st = (start: number, end: number): import('../../src/index.js').Statement => ({
    id: `a#${start}`, articleId: 'a', text: 'x'.repeat(end - start), start, end, kind: 'direct', speakerId: 'old', cue: null, quotation: { start: 0, end: 40 },
  });
  const statements = new Map([st(0, 20), st(21, 40)].map((s) => [s.id, s]));
  const speakers = new Map([['old', { id: 'old', name: 'Old Speaker', kind: 'person' as const, aliases: ['Old Speaker'], roles: [] }]]);

  it('shows the corrected sentence alone and takes the wider passage from its siblings', async () => {
    const { planCorrections } = await import('../../src/corrections/apply-corrections.js');
    const plan = planCorrections('/corpus', [{ article: 'a', start: 0, end: 20, decision: 'speaker', speaker: 'New Speaker', editor: 'Ed', reason: 'recording' }], statements, speakers);
    expect(plan.replaced.map((s) => [s.id, s.speakerId, s.quotation])).toEqual([['a#0', plan.newSpeakers[0]!.id, null], ['a#21', 'old', null]]);
  });
});
