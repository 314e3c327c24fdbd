import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsWatchPoster } from '../../adapters/teams/teams-watch-poster.js';
import { createTeamsAdapter } from '../../adapters/teams/teams-route.js';
import { createSilentLogger, openBriefbot, type BriefbotEngine, type WatchMessage } from '../../src/index.js';

const SERVICE = 'https://smba.watch.test';
const interpretation = { question: 'Dixon', speaker: { id: 'michael-dixon', name: 'Michael Dixon', kind: 'person' as const, roles: [] }, speakerQuery: 'Dixon', topic: null, phrase: null, dateFrom: null, dateTo: null, dateText: null, outlet: null, sort: 'relevance' as const };
const reference = { serviceUrl: `${SERVICE}/amer/`, conversation: { id: '19:watch@thread.tacv2', isGroup: true }, bot: { id: '28:bot', name: 'Briefbot' }, channelId: 'msteams' };

let engine: BriefbotEngine;
beforeAll(async () => {
  nock.disableNetConnect();
  engine = await openBriefbot({ corpusDir: path.join(import.meta.dirname, '../../corpus'), cache: 'off' });
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function message(ref: unknown): Promise<WatchMessage> {
  const result = (await engine.result('2012-11-22-gp-ccgs-demolition-experts#186'))!;
  const watch = { id: 1, target: { platform: 'teams' as const, channel: reference.conversation.id, label: 'Policy' }, question: 'Dixon', interpretation, daily: null, createdBy: 'Jane', createdAt: '2026-12-04T09:00:00.000Z' };
  return { target: watch.target, reference: ref, items: [{ watch, result }], digest: false, daily: false };
}

const poster = () => createTeamsWatchPoster({ adapter: createTeamsAdapter({ status: 'enabled', auth: 'none' }, createSilentLogger()), appId: '', logger: createSilentLogger(), links: null });

describe('Teams proactive watch posts', () => {
  it('sends the card to the stored conversation through the Bot Connector', async () => {
    let sent: Record<string, unknown> = {};
    const scope = nock(SERVICE)
      .post((uri) => uri.startsWith(`/amer/v3/conversations/${encodeURIComponent(reference.conversation.id)}/activities`), (body: Record<string, unknown>) => ((sent = body), true))
      .reply(200, { id: 'a1' });
    expect(await poster().post(await message(reference))).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
    expect(sent.text).toBe('New quote from Michael Dixon (GP (GPonline.com), PharmaTimes, Pharmafield)');
    expect(JSON.stringify(sent.attachments)).toContain('Clinical commissioners must become demolition experts.');
  });

  it('says the bot is no longer in the conversation when the Connector answers 403, without retrying', async () => {
    const scope = nock(SERVICE).post(/\/amer\/v3\/conversations\/.*\/activities/).reply(403, { error: { code: 'BotNotInConversationRoster', message: 'not a member' } });
    expect(await poster().post(await message(reference))).toMatchObject({ ok: false, code: 'not_in_channel', retry: false });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses without a stored reference, and retries a Connector 500', async () => {
    expect(await poster().post(await message(null))).toMatchObject({ ok: false, code: 'no_reference', retry: false });
    const scope = nock(SERVICE).post(/\/amer\/v3\/conversations\/.*\/activities/).reply(500, { error: { code: 'ServiceError', message: 'boom' } });
    expect(await poster().post(await message(reference))).toMatchObject({ ok: false, code: 'unavailable', retry: true });
    expect(scope.isDone()).toBe(true);
  });
});
