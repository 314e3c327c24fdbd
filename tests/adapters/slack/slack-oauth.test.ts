import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../adapters/serve.js';
import { installationsPath, openSqliteWatchStore, watchStorePath } from '../../../src/index.js';
import { createCaptureLogger } from '../teams/capture-logger.js';
import { API_ORIGIN, BUNDLED_CORPUS, postToSlackEvents, readApiCall, startTestServer, waitFor } from './slack-harness.js';
import { authTestReply, CLIENT_ID, CLIENT_SECRET, followRedirect, oauthAccessReply, oauthEnv, openInstallPage, teamMentionBody, type TestTeam } from './slack-oauth-harness.js';

const TEAM: TestTeam = { teamId: 'T0NEWSROOM', teamName: 'Newsroom <Night desk>', botToken: 'xoxb-newsroom-1111-secret', botUserId: 'U0NEWSBOT', botId: 'B0NEWSBOT' };
const DIXON = 'what did Dixon say about senates?';

describe('Slack installs in many workspaces (OAuth), without PostgreSQL', () => {
  let corpusDir: string;
  let server: RunningServer;
  const capture = createCaptureLogger();
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    corpusDir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-oauth-'));
    cpSync(BUNDLED_CORPUS, corpusDir, { recursive: true, filter: (src) => !src.includes('.briefbot') });
    server = await startTestServer({ env: oauthEnv(), corpusDir, logger: capture.logger });
    await server.ready;
  }, 60_000);
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    await server?.close();
    nock.enableNetConnect();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  it('refuses a return from Slack whose state is not this browser’s, without calling Slack', async () => {
    const scope = nock(API_ORIGIN).post('/api/oauth.v2.access').reply(200, { ok: true });
    const page = await openInstallPage(server);
    const state = page.authorizeUrl!.searchParams.get('state')!;
    const noCookie = await followRedirect(server, { code: 'grant-1', state }, null);
    expect(noCookie.status).toBe(400);
    expect(noCookie.html).toContain('expired or was opened in another browser');
    const forged = await followRedirect(server, { code: 'grant-1', state: 'forged' }, 'slack-app-oauth-state=forged');
    expect(forged.status).toBe(400);
    expect(scope.isDone()).toBe(false);
  });

  it('says so, politely, when the user cancels on Slack’s page', async () => {
    const page = await openInstallPage(server);
    const cancelled = await followRedirect(server, { error: 'access_denied', state: page.authorizeUrl!.searchParams.get('state')! }, page.cookie);
    expect(cancelled.status).toBe(400);
    expect(cancelled.html).toContain('The install was cancelled');
  });

  it('installs a workspace through /slack/install and answers its events with the token it was given', async () => {
    // The install page: an "Add to Slack" link to Slack's authorize page with our client id, scopes and a state that the cookie repeats.
    const page = await openInstallPage(server);
    expect(page.status).toBe(200);
    expect(page.authorizeUrl?.origin).toBe('https://slack.com');
    expect(page.authorizeUrl?.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(page.authorizeUrl?.searchParams.get('scope')).toBe('commands,chat:write,app_mentions:read,im:history,im:read,im:write');
    expect(page.cookie).toBe(`slack-app-oauth-state=${page.authorizeUrl?.searchParams.get('state')}`);

    // Slack sends the browser back with a grant: Bolt exchanges it (oauth.v2.access) and checks the new token (auth.test).
    const exchanged: Array<Record<string, unknown>> = [];
    const slack = nock(API_ORIGIN)
      .post('/api/oauth.v2.access')
      .reply(200, (_uri, body) => {
        exchanged.push(readApiCall(body));
        return oauthAccessReply(TEAM);
      })
      .post('/api/auth.test')
      .matchHeader('authorization', `Bearer ${TEAM.botToken}`)
      .reply(200, authTestReply(TEAM));
    const done = await followRedirect(server, { code: 'grant-42', state: page.authorizeUrl!.searchParams.get('state')! }, page.cookie);
    expect(done.status).toBe(200);
    // The team's name is escaped on the page.
    expect(done.html).toContain('Briefbot is installed in Newsroom &#60;Night desk&#62;');
    expect(slack.isDone()).toBe(true);
    expect(exchanged[0]).toMatchObject({ code: 'grant-42', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(existsSync(installationsPath(corpusDir))).toBe(true);

    // A mention in that workspace is answered with that workspace's token.
    const posted: Array<Record<string, unknown>> = [];
    const answer = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .matchHeader('authorization', `Bearer ${TEAM.botToken}`)
      .reply(200, (_uri, body) => {
        posted.push(readApiCall(body));
        return { ok: true, ts: '1.1' };
      });
    expect((await postToSlackEvents(server, teamMentionBody(TEAM, DIXON, 'EvNewsroom1'))).status).toBe(200);
    await waitFor(() => posted.length === 1, 10_000, 'the answer in the installed workspace');
    expect(answer.isDone()).toBe(true);
    expect(JSON.stringify(posted[0])).toContain('Senates should be only advisory');
    // The channel's workspace is recorded beside its watches, so a watch set there posts with this token.
    const watches = openSqliteWatchStore(watchStorePath(corpusDir));
    expect(await watches.reference('slack', 'C111')).toEqual({ teamId: TEAM.teamId, isEnterpriseInstall: false });
    await watches.close();
    // Installed and answered, and the token never reached the log.
    expect(capture.lines.some((line) => line.event === 'slack_installed' && line.team === TEAM.teamId)).toBe(true);
    expect(JSON.stringify(capture.lines)).not.toContain(TEAM.botToken);
  }, 30_000);

  it('does not answer a workspace that never installed it, and keeps serving', async () => {
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: true });
    const res = await postToSlackEvents(server, teamMentionBody({ teamId: 'T0STRANGER', botUserId: 'U0NOBODY' }, DIXON, 'EvStranger1'));
    // Acknowledged (Slack would only send it again), logged, and not answered: there is no token to answer with.
    expect(res.status).toBe(200);
    await waitFor(() => capture.lines.some((line) => line.event === 'slack_not_installed' && line.team === 'T0STRANGER'), 5000, 'the log line');
    expect(scope.isDone()).toBe(false);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });
});
