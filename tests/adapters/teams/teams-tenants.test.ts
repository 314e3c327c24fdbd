import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsPlatform, type TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import { createSilentLogger, createWatchCommands, openBriefbot, type Briefbot } from '../../../src/index.js';
import { openSqliteWatchStore } from '../../../src/watch/sqlite-watch-store.js';
import { createHttpServer } from '../../../src/server/create-http-server.js';
import { BUNDLED_CORPUS } from '../slack/slack-harness.js';
import { loadFixture } from './fixtures.js';
import { expectReply, postActivity, type TeamsTestServer } from './harness.js';
import { WIRE_ARTICLE } from '../../fixtures/wire-article.js';

const WIRE_TENANT = '0a1b2c3d-0000-4000-8000-00000000beef';

describe('Teams answering each Entra tenant from its own corpus (briefbotFor)', () => {
  let wireDir: string;
  let server: TeamsTestServer & { port: number };
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    wireDir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-teams-wire-'));
    writeFileSync(path.join(wireDir, '2024-03-12-port-strike.md'), WIRE_ARTICLE);
    const press = await openBriefbot({ corpusDir: BUNDLED_CORPUS });
    const wire = await openBriefbot({ corpusDir: wireDir });
    const briefbotFor = (tenantId: string | undefined): Briefbot => (tenantId === WIRE_TENANT ? wire : press);
    const logger = createSilentLogger();
    const store = openSqliteWatchStore(':memory:');
    const watches = { store, commands: createWatchCommands({ briefbot: press, store, now: () => new Date('2026-12-04T09:00:00Z'), logger }) };
    const platform = createTeamsPlatform({ env: { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, briefbot: press, briefbotFor, logger, host: '127.0.0.1', watches });
    if (!('routes' in platform)) throw new Error(platform.disabledReason);
    const http = createHttpServer({ routes: platform.routes, logger, health: () => ({ status: 'ready', platforms: { teams: true } }) });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    server = { port, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => (http.close(() => resolve()), http.closeAllConnections())) };
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    nock.cleanAll();
    nock.enableNetConnect();
    rmSync(wireDir, { recursive: true, force: true });
  });

  async function ask(tenantId: string, question: string): Promise<string> {
    const fixture = loadFixture('personal-message.json');
    const activity = { ...fixture, text: question, channelData: { tenant: { id: tenantId } } };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    return JSON.stringify(sent[0]);
  }

  it('answers the wire desk’s tenant from the wire corpus, and another tenant from the default one', async () => {
    // The fixture's own tenant (Microsoft's) is not mapped: the press office's corpus answers it.
    const homeTenant = (loadFixture('personal-message.json').channelData as { tenant: { id: string } }).tenant.id;
    expect(await ask(WIRE_TENANT, 'what did Jane Okafor say about the ports?')).toContain('The ports will reopen only when the safety rules are signed');
    expect(await ask(WIRE_TENANT, 'what did Dixon say about senates?')).not.toContain('Senates should be only advisory');
    expect(await ask(homeTenant, 'what did Dixon say about senates?')).toContain('Senates should be only advisory');
    expect(await ask(homeTenant, 'what did Jane Okafor say about the ports?')).not.toContain('The ports will reopen');
  }, 30_000);

  it('keeps watches to the main corpus: the wire tenant is told so instead of getting an answer about "watch …"', async () => {
    const homeTenant = (loadFixture('personal-message.json').channelData as { tenant: { id: string } }).tenant.id;
    const refused = JSON.parse(await ask(WIRE_TENANT, 'watch Jane Okafor on ports')) as { text: string };
    expect(refused.text).toBe("Watches aren't available in this workspace yet: it is answered from a corpus of its own, and watches follow the server's main corpus only. Questions work as usual.");
    const added = JSON.parse(await ask(homeTenant, 'watch Dixon on senates')) as { text: string };
    expect(added.text).toMatch(/^Watching for new quotes from Michael Dixon about "senates" in /);
  }, 30_000);

  it('reads a personal chat’s daily digest in the sender’s own time zone (the activity’s localTimezone)', async () => {
    const homeTenant = (loadFixture('personal-message.json').channelData as { tenant: { id: string } }).tenant.id;
    const fixture = loadFixture('personal-message.json');
    const activity = { ...fixture, text: 'watch Dixon on senates daily at 8:00', localTimezone: 'Europe/Berlin', channelData: { tenant: { id: homeTenant } } };
    const sent: Array<Partial<Activity>> = [];
    const scope = expectReply(activity, sent);
    expect((await postActivity(server, activity)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(String(sent[0]?.text)).toMatch(/daily at 08:00 \(Europe\/Berlin\); /);
  }, 30_000);
});
