import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackWatchPoster } from '../../adapters/slack/post-watch-message.js';
import { deliverPending, openBriefbot, type BriefbotEngine, type Logger, type WatchStore } from '../../src/index.js';
import { openSqliteWatchStore } from '../../src/watch/sqlite-watch-store.js';
import { createWatchCommands } from '../../src/watch/watch-commands.js';
import { createCaptureLogger as captureLogger } from '../adapters/teams/capture-logger.js';

const API_ORIGIN = 'https://slack.watch.test';
const DEMOLITION = '2012-11-22-gp-ccgs-demolition-experts#186';
const interpretation = { question: 'who said "demolition experts"', speaker: null, speakerQuery: null, topic: 'demolition experts', phrase: 'demolition experts', dateFrom: null, dateTo: null, dateText: null, outlet: null, sort: 'relevance' as const };

let engine: BriefbotEngine;
let store: WatchStore;
let watchId: number;
const sleeps: number[] = [];
const sleep = async (ms: number) => void sleeps.push(ms);
const poster = () => createSlackWatchPoster({ token: 'xoxb-test-watch', apiUrl: `${API_ORIGIN}/api/` });

beforeAll(async () => {
  nock.disableNetConnect();
  engine = await openBriefbot({ corpusDir: path.join(import.meta.dirname, '../../corpus'), cache: 'off' });
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  sleeps.length = 0;
  store = openSqliteWatchStore(':memory:');
  const watch = await store.addWatch({ target: { platform: 'slack', channel: 'C9', label: '#policy' }, question: '"demolition experts"', interpretation, daily: null, createdBy: 'U1', createdAt: '2026-12-04T09:00:00.000Z' }, 10);
  if (watch === 'limit') throw new Error('limit');
  watchId = watch.id;
});
afterEach(async () => {
  await store.close();
  nock.cleanAll();
});

async function pending(remarks: string[]) {
  await store.addDeliveries(remarks.map((remark) => ({ watchId, remark, statementIds: [remark] })), '2026-12-04T10:00:00.000Z');
}
const run = (logger: Logger, digestAfter = 3) => deliverPending({ store, posters: [poster()], result: (id) => engine.result(id), logger, now: () => new Date('2026-12-04T10:00:00Z'), sleep, attempts: 3, backoffMs: 1000, digestAfter });

describe('delivering watches to Slack', () => {
  it('posts the quote with speaker, every outlet, date and link, then records it delivered', async () => {
    await pending([DEMOLITION]);
    let body: Record<string, unknown> = {};
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage', (b: Record<string, unknown>) => ((body = b), true))
      .reply(200, { ok: true });
    const round = await run(captureLogger().logger);
    expect(scope.isDone()).toBe(true);
    expect(round).toEqual({ posted: 1, failed: [] });
    expect(body.channel).toBe('C9');
    const blocks = JSON.stringify(body.blocks);
    for (const words of ['Clinical commissioners must become demolition experts.', 'Michael Dixon', 'GP (GPonline.com)', 'PharmaTimes', 'Pharmafield', 'about Nov 2012']) expect(blocks).toContain(words);
    expect(await store.pendingDeliveries()).toEqual([]);
    expect(await run(captureLogger().logger)).toEqual({ posted: 0, failed: [] });
  });

  it('says plainly when the bot is not in the channel, without retrying, and logs it', async () => {
    await pending([DEMOLITION]);
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: false, error: 'not_in_channel' });
    const { logger, lines } = captureLogger();
    const round = await run(logger);
    expect(scope.isDone()).toBe(true);
    expect(round.failed).toEqual([{ watchId, remark: DEMOLITION, code: 'not_in_channel' }]);
    expect(sleeps).toEqual([]);
    const line = lines.find((l) => l.event === 'watch_post_failed');
    expect(line?.msg).toBe("watch: could not post to #policy: I'm not in #policy: invite me with /invite @Briefbot so I can post new quotes");
    expect(JSON.stringify(lines)).not.toContain('xoxb-test-watch');
    // Recorded, not retried: the delivery is failed, and the channel shows as not deliverable in `watches`.
    expect(await store.pendingDeliveries()).toEqual([]);
    expect(await store.targetProblem('slack', 'C9')).toEqual({ code: 'not_in_channel', message: "I'm not in #policy: invite me with /invite @Briefbot so I can post new quotes", at: '2026-12-04T10:00:00.000Z' });
    const commands = createWatchCommands({ briefbot: engine, store, now: () => new Date('2026-12-04T10:05:00Z'), logger });
    expect((await commands.handle('watches', { platform: 'slack', channel: 'C9', label: '#policy' }, 'U1'))!.text.split('\n')).toEqual([
      'Watched in #policy:',
      '1. quotes with the words "demolition experts" (set by U1, 2026-12-04) (not deliverable)',
      "Not deliverable since 2026-12-04 10:00 UTC: I'm not in #policy: invite me with /invite @Briefbot so I can post new quotes.",
      'Remove one with: unwatch N',
    ]);
    // Once invited, the next match posts and the mark goes.
    await pending(['2012-11-22-pharmatimes-demolition-experts#0']);
    const ok = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: true });
    const after = await run(logger);
    expect(ok.isDone()).toBe(true);
    expect(after.failed).toEqual([]);
    expect(await store.targetProblem('slack', 'C9')).toBeNull();
  });

  it('records a channel Slack cannot find as not deliverable too', async () => {
    await pending([DEMOLITION]);
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: false, error: 'channel_not_found' });
    expect((await run(captureLogger().logger)).failed.map((f) => f.code)).toEqual(['channel_not_found']);
    expect(scope.isDone()).toBe(true);
    expect(sleeps).toEqual([]);
    expect(await store.targetProblem('slack', 'C9')).toMatchObject({ code: 'channel_not_found' });
  });

  it('retries a failing Slack with backoff (time injected) and posts once it answers', async () => {
    await pending([DEMOLITION]);
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').times(2).reply(500, 'busy').post('/api/chat.postMessage').reply(200, { ok: true });
    expect(await run(captureLogger().logger)).toEqual({ posted: 1, failed: [] });
    expect(scope.isDone()).toBe(true);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('gives up after the last try, records the failure and logs it', async () => {
    await pending([DEMOLITION]);
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').times(3).reply(503, 'down');
    const { logger, lines } = captureLogger();
    const round = await run(logger);
    expect(scope.isDone()).toBe(true);
    expect(round.failed.map((f) => f.code)).toEqual(['unavailable']);
    expect(lines.some((l) => l.event === 'watch_post_failed')).toBe(true);
    expect(await store.pendingDeliveries()).toEqual([]);
  });

  it('puts more matches than the digest threshold for one channel into one message', async () => {
    const ids = engine.statements.filter((s) => s.kind === 'direct' && s.speakerId === 'michael-dixon').slice(0, 4).map((s) => s.id);
    await pending(ids);
    let body: Record<string, unknown> = {};
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage', (b: Record<string, unknown>) => ((body = b), true))
      .reply(200, { ok: true });
    expect(await run(captureLogger().logger, 3)).toEqual({ posted: 4, failed: [] });
    expect(scope.isDone()).toBe(true);
    expect(body.text).toBe('4 new quotes for this channel’s watches');
  });
});
