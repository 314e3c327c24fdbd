import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer-schema.js';
import { createStoreBriefbot } from '../../src/live/create-store-briefbot.js';
import type { LiveBriefbot } from '../../src/live/create-live-briefbot.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPgPools } from '../../src/store/postgres/pg-pools.js';
import { indexToPostgres } from '../../src/store/postgres/postgres-briefbot.js';
import { createCaptureLogger } from '../adapters/teams/capture-logger.js';
import { BUNDLED_CORPUS } from '../adapters/slack/slack-harness.js';
import { createTestDatabase, POSTGRES, skipWithoutPostgres } from './postgres-harness.js';

const SENATES = '2011-06-20-nhs-alliance-clinically-led-commissioning#1331';
const PHARMATIMES = '2012-11-22-pharmatimes-demolition-experts';
const quotes = (answer: Answer) => (answer.kind === 'results' ? answer.results.map((r) => r.id) : []);

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES.url! });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(skipWithoutPostgres('PostgreSQL faults'))('the PostgreSQL store when rows break and connections go', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dir: string;
  let name: string;
  const running: LiveBriefbot[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    name = new URL(db.url).pathname.slice(1);
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-pg-faults-'));
    cpSync(BUNDLED_CORPUS, dir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
    const pools = createPgPools({ databaseUrl: db.url });
    await migrate(pools.primary);
    await indexToPostgres({ pools, tenant: 'faults', corpusDir: dir });
    await pools.close();
  }, 120_000);
  afterAll(async () => {
    for (const live of running) await live.close();
    await admin((c) => c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)).catch(() => undefined);
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (logger: ReturnType<typeof createCaptureLogger>['logger'], reads: 'on-demand' | 'held' = 'on-demand') => {
    const live = createStoreBriefbot({ corpusDir: dir, logger, env: { BRIEFBOT_STORE: 'postgres', DATABASE_URL: db.url, BRIEFBOT_TENANT: 'faults', BRIEFBOT_PG_READS: reads } });
    running.push(live);
    return live.whenReady();
  };

  let other = '';
  /** A hand edit or another version broke three rows: an article's date, a quote's offsets, a speaker. */
  const breakRows = async () => {
    const pools = createPgPools({ databaseUrl: db.url });
    await pools.primary.query(`UPDATE articles SET meta = meta - 'published' WHERE tenant = 'faults' AND id = $1`, [PHARMATIMES]);
    await pools.primary.query(`UPDATE statements SET end_offset = 10000000 WHERE tenant = 'faults' AND id = $1`, [SENATES]);
    other = (await pools.primary.query<{ id: string }>(`SELECT id FROM statements WHERE tenant = 'faults' AND speaker_id IS NOT NULL AND article_id <> $1 AND id <> $2 ORDER BY id LIMIT 1`, [PHARMATIMES, SENATES])).rows[0]!.id;
    await pools.primary.query(`UPDATE statements SET speaker_id = 'nobody-at-all' WHERE tenant = 'faults' AND id = $1`, [other]);
    await pools.close();
  };

  it('read on demand, leaves out broken rows as it meets them, says which table, row and field, and serves the rest', async () => {
    const before = await (await open(createCaptureLogger().logger)).ask('what did Dixon say about senates?');
    expect(quotes(before)).toContain(SENATES);
    await breakRows();
    const { logger, lines } = createCaptureLogger();
    const live = await open(logger);
    // Nothing is read at start, so nothing is reported yet.
    expect(lines.filter((l) => l.event === 'corpus_problem')).toHaveLength(0);
    const after = await live.ask('what did Dixon say about senates?');
    expect(after.kind).toBe('results');
    expect(quotes(after)).not.toContain(SENATES);
    expect(quotes(after).length).toBeGreaterThan(0);
    const demolition = await live.ask('who said "demolition experts"?');
    expect(demolition.kind).toBe('results');
    expect(JSON.stringify(demolition)).not.toContain(PHARMATIMES);
    expect(await live.quote!(other)).toBeNull();
    expect(await live.result!(other)).toBeNull();
    // Asked again, nothing is reported twice.
    await live.ask('what did Dixon say about senates?');
    await live.ask('who said "demolition experts"?');
    const problems = lines.filter((l) => l.event === 'corpus_problem').map((l) => String(l.msg));
    expect(new Set(problems).size).toBe(problems.length);
    expect(problems).toEqual(expect.arrayContaining([
      `postgres:articles/${PHARMATIMES}: error: published: Invalid input: expected object, received undefined; the article is not served`,
      `postgres:statements/${other}: error: speaker_id: speaker "nobody-at-all" is not in the speakers table; the statement is not served`,
    ]));
    const senates = problems.find((p) => p.startsWith(`postgres:statements/${SENATES}:`));
    // Without the body, the row is already inconsistent: its quotation cannot hold offsets that far.
    expect(senates).toBe(`postgres:statements/${SENATES}: error: quote_start: the quotation 1275–1475 does not hold the statement; the statement is not served`);
    expect(problems).toHaveLength(3);
  }, 60_000);

  it('read on demand, never shows a stored text that is not the words of its article', async () => {
    const question = 'what did Hunt say about e-mail consultations?';
    const first = await (await open(createCaptureLogger().logger)).ask(question);
    const top = quotes(first)[0]!;
    expect(top).toBeDefined();
    const pools = createPgPools({ databaseUrl: db.url });
    // The same length, other words: only reading the article's body shows it.
    await pools.primary.query(`UPDATE statements SET text = upper(text) WHERE tenant = 'faults' AND id = $1`, [top]);
    await pools.close();
    const { logger, lines } = createCaptureLogger();
    const live = await open(logger);
    const after = await live.ask(question);
    expect(quotes(after)).not.toContain(top);
    expect(JSON.stringify(after)).not.toMatch(/[A-Z]{12,}/);
    const problems = lines.filter((l) => l.event === 'corpus_problem').map((l) => String(l.msg));
    expect(problems).toContain(`postgres:statements/${top}: error: text: the stored text is not the article's words at ${top.split('#')[1]}–${(first.kind === 'results' ? first.results[0]!.sources.find((x) => x.statementId === top)?.end : 0) ?? 0}; the statement is not served`);
  }, 60_000);

  it('read whole at start, leaves out broken rows, says which table, row and field, and serves the rest', async () => {
    if (!other) await breakRows();
    const { logger, lines } = createCaptureLogger();
    const live = await open(logger, 'held');
    const problems = lines.filter((l) => l.event === 'corpus_problem').map((l) => String(l.msg));
    // Once each, in the order read: articles, then statements.
    expect(problems).toEqual([
      `postgres:articles/${PHARMATIMES}: error: published: Invalid input: expected object, received undefined; the article is not served`,
      `postgres:statements/${other}: error: speaker_id: speaker "nobody-at-all" is not in the speakers table; the statement is not served`,
      `postgres:statements/${SENATES}: error: start_offset: offsets 1331–10000000 are outside article 2011-06-20-nhs-alliance-clinically-led-commissioning (3644 characters); the statement is not served`,
    ]);
    await live.reload();
    expect(lines.filter((l) => l.event === 'corpus_problem')).toHaveLength(3);
    expect(problems[0]).toMatch(/the article is not served$/);
    // The broken quote is never shown; Dixon's other senates quote still is.
    const after = await live.ask('what did Dixon say about senates?');
    expect(after.kind).toBe('results');
    expect(quotes(after)).not.toContain(SENATES);
    expect(quotes(after).length).toBeGreaterThan(0);
    const demolition = await live.ask('who said "demolition experts"?');
    expect(JSON.stringify(demolition)).not.toContain(PHARMATIMES);
  }, 60_000);

  it('survives its connections being cut, and a database that refuses connections for a while', async () => {
    const { logger, lines } = createCaptureLogger();
    const live = await open(logger);
    const ask = () => live.ask('what was said about commissioning?');
    expect((await ask()).kind).toBe('results');
    // Every connection of the test database cut at once (a failover, a restart, an idle timeout).
    const cut = () => admin((c) => c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]));
    await cut();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.some((l) => l.event === 'pg_connection_lost' || l.event === 'corpus_listen_lost')).toBe(true);
    // The pool makes new connections: the next question is answered.
    expect((await ask()).kind).toBe('results');
    // Then the database refuses connections: a question fails with a coded error that says nothing of the database.
    await admin((c) => c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`));
    await cut();
    const failure = await ask().then(
      () => null,
      (error: unknown) => error as { code?: string; message?: string },
    );
    expect(failure?.code).toBe('STORE_QUERY_FAILED');
    expect(failure?.message).toBe('The search could not be run on PostgreSQL.');
    // Back: answered again, without a restart.
    await admin((c) => c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`));
    expect((await ask()).kind).toBe('results');
  }, 60_000);
});
