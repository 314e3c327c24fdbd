import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createStoreBriefbot } from '../../src/live/create-store-briefbot.js';
import type { LiveBriefbot } from '../../src/live/create-live-briefbot.js';
import { createSilentLogger } from '../../src/logging.js';
import { createTestDatabase, skipWithoutPostgres } from './postgres-harness.js';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/wikinews-sample.jsonl');
const QUESTION = 'what did Lorenzana say about justice?';
const WORDS = 'We will use the full force of the law to bring to justice the perpetrators behind this incident';

function cli(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), env } };
}

describe.skipIf(skipWithoutPostgres('two processes on one PostgreSQL store'))('two Briefbots on one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dir: string;
  let env: Record<string, string>;
  const running: LiveBriefbot[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-pg-replicas-'));
    env = { BRIEFBOT_STORE: 'postgres', DATABASE_URL: db.url, BRIEFBOT_TENANT: 'agency' };
    const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n');
    writeFileSync(path.join(dir, 'first.jsonl'), lines.filter((l) => !l.includes('Lorenzana')).join('\n'));
    writeFileSync(path.join(dir, 'later.jsonl'), lines.filter((l) => l.includes('Lorenzana')).join('\n'));
    const migrate = cli(env);
    expect(await main(['node', 'briefbot', 'db', 'migrate'], migrate.io)).toBe(0);
    // `import` writes the files, then writes through to the database.
    const first = cli(env);
    expect(await main(['node', 'briefbot', 'import', path.join(dir, 'first.jsonl'), '--corpus', path.join(dir, 'corpus')], first.io)).toBe(0);
    expect(first.out.join('\n')).toMatch(/PostgreSQL \(tenant agency\): 19 article\(s\) written/);
  }, 120_000);
  afterAll(async () => {
    for (const live of running) await live.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the same on both, and an article imported through one process is answered by both within seconds', async () => {
    const corpusDir = path.join(dir, 'corpus');
    for (let i = 0; i < 2; i++) running.push(await createStoreBriefbot({ corpusDir, logger: createSilentLogger(), env }).whenReady());
    const [a, b] = running as [LiveBriefbot, LiveBriefbot];
    const question = 'what did Trump say about the wall?';
    expect(await b.ask(question)).toEqual(await a.ask(question));
    const before = await a.ask(QUESTION);
    expect(JSON.stringify(before)).not.toContain(WORDS);

    const later = cli(env);
    expect(await main(['node', 'briefbot', 'import', path.join(dir, 'later.jsonl'), '--corpus', corpusDir], later.io)).toBe(0);
    expect(later.out.join('\n')).toMatch(/1 article\(s\) written/);
    // NOTIFY reaches both; each reloads from the database without a restart.
    await vi.waitFor(
      async () => {
        for (const live of [a, b]) expect(JSON.stringify(await live.ask(QUESTION))).toContain(WORDS);
      },
      { timeout: 15_000, interval: 200 },
    );
  }, 60_000);

  it('says what to set when the database cannot be reached, and never crashes', async () => {
    const broken = cli({ ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' });
    expect(await main(['node', 'briefbot', 'db', 'migrate'], broken.io)).toBe(1);
    expect(broken.err.join('\n')).toMatch(/PostgreSQL at DATABASE_URL cannot be reached \(ECONNREFUSED\)/);
    const missing = cli({ BRIEFBOT_STORE: 'postgres' });
    expect(await main(['node', 'briefbot', 'index', '--store', 'postgres', '--corpus', dir], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toMatch(/needs DATABASE_URL/);
  });
});
