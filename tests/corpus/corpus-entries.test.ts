import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBriefbot } from '../../src/answer/open-briefbot.js';
import { formatProblem } from '../../src/corpus/corpus-problem.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createSilentLogger } from '../../src/logging.js';
import { WIRE_ARTICLE } from '../fixtures/wire-article.js';

/**
 * Corpus entries that are not plain files: a folder named like an article, a link to nothing, a
 * link that loops, and a good link. Each bad one is reported by name with what is wrong; the good
 * link is served like a file; the rest of the corpus is served as ever.
 */
describe('corpus entries that are not plain files', () => {
  let root: string;
  let dir: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'briefbot-entries-'));
    dir = path.join(root, 'corpus');
    cpSync(path.resolve('corpus'), dir, { recursive: true });
    mkdirSync(path.join(dir, '2024-01-01-a-folder.md'));
    symlinkSync(path.join(root, 'nowhere.md'), path.join(dir, '2024-01-02-dangling.md'));
    symlinkSync(path.join(dir, '2024-01-03-loop.md'), path.join(dir, '2024-01-03-loop.md'));
    writeFileSync(path.join(root, 'port-strike.md'), WIRE_ARTICLE);
    symlinkSync(path.join(root, 'port-strike.md'), path.join(dir, '2024-03-12-port-strike.md'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const expected = (file: string) => [
    `${path.join(file, '2024-01-01-a-folder.md')}: error: is a folder, not an article file; it is not served`,
    `${path.join(file, '2024-01-02-dangling.md')}: error: is a link to a file that does not exist (or was removed while being read); it is not served`,
    `${path.join(file, '2024-01-03-loop.md')}: error: is a link that loops back on itself; it is not served`,
  ];

  it('loadCorpus reports each by file and serves the rest, the linked article included', async () => {
    const corpus = await loadCorpus(dir);
    expect(corpus.problems.map(formatProblem)).toEqual(expected(dir));
    expect(corpus.articles.map((a) => a.title)).toContain('Port strike enters third day');
    expect(corpus.articles).toHaveLength(6);
  });

  it('the engine (cache on) reports the same and answers from the linked article', async () => {
    const engine = await openBriefbot({ corpusDir: dir, logger: createSilentLogger() });
    expect(engine.problems.map(formatProblem)).toEqual(expected(dir));
    const answer = await engine.ask('what did Jane Okafor say about the ports?');
    expect(answer.kind).toBe('results');
    expect(JSON.stringify(answer)).toContain('The ports will reopen only when the safety rules are signed');
    const senates = await engine.ask('what did Dixon say about senates?');
    expect(JSON.stringify(senates)).toContain('Senates should be only advisory');
  }, 60_000);
});
