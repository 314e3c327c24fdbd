import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBriefbot, type BriefbotEngine } from '../../src/answer/open-briefbot.js';
import type { Answer } from '../../src/answer/answer-schema.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPgPools, type PgPools } from '../../src/store/postgres/pg-pools.js';
import { indexToPostgres, openPostgresBriefbot } from '../../src/store/postgres/postgres-briefbot.js';
import { writeSampleCorpus } from '../search/sample-corpus.js';
import { countRemarks } from '../../src/watch/match-remarks.js';
import { scanSourceOf } from '../../src/watch/scan-source-of.js';
import { createTestDatabase, skipWithoutPostgres } from './postgres-harness.js';

const SEEDS = path.join(import.meta.dirname, '../../corpus');
const SEED_QUESTIONS = [
  'what did Dixon say about senates?',
  'who called commissioners demolition experts?',
  'what did Dixon say in 2011?',
  'what did Hunt say about e-mail consultations?',
  'Dixon on CCGs',
  'what has Andrew Lansley said about clinical commissioning?',
  'latest from Hunt',
  'what did Dixon say about commisioning?',
  'what was said about the NHS Commissioning Board?',
  'what did Dixon say about demolition in Pulse?',
  'quotes since June 2012',
];

/** The top 3 of an answer as [score, id], ties put in id order (order within a tie may differ between stores). */
function top3(answer: Answer): Array<[number, string]> | string {
  if (answer.kind !== 'results') return answer.kind;
  const sorted = answer.results.map((r): [number, string] => [r.score, r.id]).sort((a, b) => b[0] - a[0] || a[1].localeCompare(b[1]));
  return sorted.slice(0, 3);
}

/** An answer with its results in a fixed order (ties in id order), to compare two stores' whole answers. */
function comparable(answer: Answer): unknown {
  if (answer.kind !== 'results') return answer;
  return { ...answer, results: [...answer.results].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)) };
}

/** Questions about the Wikinews sample: each of its most quoted speakers, on a word of their first quote. */
function sampleQuestions(engine: BriefbotEngine): string[] {
  const counts = new Map<string, number>();
  for (const st of engine.statements) if (st.speakerId) counts.set(st.speakerId, (counts.get(st.speakerId) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8);
  return [
    ...top.flatMap(([id]) => {
      const speaker = engine.speakers.find((s) => s.id === id)!;
      const word = engine.statements.find((st) => st.speakerId === id)!.text.split(/\W+/).filter((w) => w.length > 6)[0] ?? 'people';
      return [`what did ${speaker.name} say?`, `what did ${speaker.name} say about ${word}?`];
    }),
    'who said the explosion was an accident?',
    'what was said about the election?',
    'quotes about police in 2019',
  ];
}

describe.skipIf(skipWithoutPostgres('the store contract suite on PostgreSQL'))('the same answers from the in-process and the PostgreSQL store', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pools: PgPools;
  const dirs: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    pools = createPgPools({ databaseUrl: db.url });
    expect(await migrate(pools.primary)).toEqual(['001_corpus.sql', '002_shared_state.sql', '003_watches.sql', '004_channel_settings.sql', '005_rate_limits.sql', '006_on_demand_reads.sql', '007_speaker_stats.sql']);
    // Recorded in schema_migrations: a second run applies nothing.
    expect(await migrate(pools.primary)).toEqual([]);
  }, 60_000);
  afterAll(async () => {
    await pools?.close();
    await db?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const corpora: Array<[string, () => string, string]> = [
    ['the seed corpus', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-seeds-'));
      cpSync(SEEDS, dir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
      return dir;
    }, 'seeds'],
    ['20 Wikinews articles', () => writeSampleCorpus(20), 'wikinews'],
  ];
  for (const [name, make, tenant] of corpora) {
    it(`gives the same top 3 quotes on ${name}`, async () => {
      const corpusDir = make();
      dirs.push(corpusDir);
      const first = await indexToPostgres({ pools, tenant, corpusDir });
      expect(first.written).toBeGreaterThan(0);
      const memory = await openBriefbot({ corpusDir, cache: 'off' });
      const postgres = await openPostgresBriefbot({ pools, tenant, corpusDir, reads: 'held' });
      const onDemand = await openPostgresBriefbot({ pools, tenant, corpusDir, reads: 'on-demand' });
      // Caches of 3 entries, emptied all the time: what a question reads must never depend on what is cached.
      const tiny = await openPostgresBriefbot({ pools, tenant, corpusDir, reads: 'on-demand', cacheEntries: 3 });
      expect(postgres.statements.length).toBe(memory.statements.length);
      expect(postgres.speakers.length).toBe(memory.speakers.length);
      // Read on demand, nothing of the corpus is listed, only counted.
      expect(onDemand.statements).toHaveLength(0);
      expect(onDemand.counts).toEqual({ articles: memory.articles.length, statements: memory.statements.length });
      expect(onDemand.speakers.length).toBe(memory.speakers.length);
      const questions = tenant === 'seeds' ? SEED_QUESTIONS : sampleQuestions(memory);
      let answered = 0;
      for (const question of [...questions, 'sources', 'speakers', 'help', 'what did Nobody Atall say?', 'what was said?']) {
        const [a, b, c] = [await memory.ask(question), await postgres.ask(question), await onDemand.ask(question)];
        expect(top3(b), question).toEqual(top3(a));
        expect(b.kind, question).toBe(a.kind);
        // Read on demand: the whole answer is the in-process store's (order within a tie aside).
        expect(comparable(c), question).toEqual(comparable(a));
        expect(comparable(await tiny.ask(question)), question).toEqual(comparable(a));
        if (a.kind === 'results') answered++;
      }
      expect(answered).toBeGreaterThan(questions.length / 2);
      // A quote's context page and its result (Copy citation, Wrong speaker?) read the same on demand.
      const shown = await memory.ask(questions[0]!);
      const ids = shown.kind === 'results' ? shown.results.flatMap((r) => r.sources.map((src) => src.statementId)) : [];
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        expect(await onDemand.quote(id), id).toEqual(await memory.quote(id));
        expect(await onDemand.result(id), id).toEqual(await memory.result(id));
        expect(await tiny.quote(id), id).toEqual(await memory.quote(id));
      }
      expect(await onDemand.quote('no-such-article#0')).toBeNull();
      // Watches count and scan the corpus read on demand through the engine's reader, a batch at a time.
      expect(onDemand.reader).toBeDefined();
      let matched = 0;
      for (const question of questions.slice(0, 4)) {
        const answer = await memory.ask(question);
        if (answer.kind !== 'results' && answer.kind !== 'nothing') continue;
        const counted = await countRemarks(scanSourceOf(onDemand), answer.interpretation);
        expect(counted, question).toBe(await countRemarks(scanSourceOf(memory), answer.interpretation));
        matched += counted;
      }
      expect(matched).toBeGreaterThan(0);
    }, 120_000);
  }

  it('writes nothing on a second run, and follows a removed article', async () => {
    const corpusDir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-seeds-'));
    dirs.push(corpusDir);
    cpSync(SEEDS, corpusDir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
    await indexToPostgres({ pools, tenant: 'rerun', corpusDir });
    const again = await indexToPostgres({ pools, tenant: 'rerun', corpusDir });
    expect(again).toMatchObject({ written: 0, removed: 0, unchanged: 5 });
    rmSync(path.join(corpusDir, '2012-11-22-pharmatimes-demolition-experts.md'));
    const after = await indexToPostgres({ pools, tenant: 'rerun', corpusDir });
    expect(after.removed).toBe(1);
    const memory = await openBriefbot({ corpusDir, cache: 'off' });
    const postgres = await openPostgresBriefbot({ pools, tenant: 'rerun', corpusDir });
    const question = 'who called commissioners demolition experts?';
    expect(top3(await postgres.ask(question))).toEqual(top3(await memory.ask(question)));
    // The per-speaker totals a store reading on demand opens with followed the removal.
    // (The speakers table keeps a speaker of the removed article, with no statements left: only those quoted are compared.)
    const quoted = (answer: Answer) => (answer.kind === 'speakers' ? answer.speakers.filter((sp) => sp.statements > 0).map((sp) => [sp.id, sp.statements]) : answer.kind);
    const onDemand = await openPostgresBriefbot({ pools, tenant: 'rerun', corpusDir, reads: 'on-demand' });
    expect(quoted(await onDemand.ask('speakers'))).toEqual(quoted(await memory.ask('speakers')));
    expect(onDemand.counts?.statements).toBe(memory.statements.length);
    // Each tenant sees its own corpus only.
    const other = await openPostgresBriefbot({ pools, tenant: 'seeds', corpusDir });
    expect(other.counts?.articles).toBe(5);
    expect(postgres.counts?.articles).toBe(4);
  }, 120_000);

  it('reads and searches on DATABASE_REPLICA_URL, writing to DATABASE_URL', async () => {
    // The "primary" here is another, empty database: every answer must come from the replica.
    const primary = await createTestDatabase();
    const split = createPgPools({ databaseUrl: primary.url, replicaUrl: db.url });
    try {
      await migrate(split.primary);
      const engine = await openPostgresBriefbot({ pools: split, tenant: 'seeds', corpusDir: SEEDS });
      const answer = await engine.ask('what did Dixon say about senates?');
      expect(answer.kind).toBe('results');
      expect(JSON.stringify(answer)).toContain('Senates should be only advisory');
      const empty = await openPostgresBriefbot({ pools: { ...split, reads: split.primary }, tenant: 'seeds', corpusDir: SEEDS });
      expect(empty.counts?.articles).toBe(0);
    } finally {
      await split.close();
      await primary.drop();
    }
  }, 60_000);
});
