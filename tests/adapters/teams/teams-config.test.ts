import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { createTeamsPlatform, TeamsError } from '../../../adapters/teams/index.js';
import { isLoopbackHost, loadTeamsSetup, toSdkAuthSettings } from '../../../adapters/teams/teams-config.js';
import { createSilentLogger, type Briefbot } from '../../../src/index.js';
import { helpAnswer } from '../../fixtures/answers.js';
import { createCaptureLogger } from './capture-logger.js';
import { loadFixture } from './fixtures.js';
import { postActivity, startTeamsServer, type TeamsTestServer } from './harness.js';

const APP_ID = '00000000-0000-0000-0000-00000000a11d';

describe('loadTeamsSetup', () => {
  it('is off, saying what to set, when no app id is configured', () => {
    const setup = loadTeamsSetup({}, '127.0.0.1');
    expect(setup).toEqual({ status: 'disabled', reason: expect.stringContaining('TEAMS_APP_ID is not set') });
  });

  it('serves unauthenticated only when asked to and only on a loopback address', () => {
    const env = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };
    expect(loadTeamsSetup(env, '127.0.0.1')).toEqual({ status: 'enabled', auth: 'none' });
    expect(loadTeamsSetup(env, '::1')).toEqual({ status: 'enabled', auth: 'none' });
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'every interface']) {
      expect(loadTeamsSetup(env, host)).toEqual({ status: 'disabled', reason: expect.stringContaining('loopback') });
    }
    expect(loadTeamsSetup({ TEAMS_ALLOW_UNAUTHENTICATED: 'false' }, '127.0.0.1').status).toBe('disabled');
  });

  it('requires tokens once an app id is set, even when unauthenticated mode is asked for', () => {
    const setup = loadTeamsSetup({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'secret', TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, '127.0.0.1');
    expect(setup).toEqual({ status: 'enabled', auth: 'token', credentials: { appType: 'MultiTenant', appId: APP_ID, password: 'secret' } });
  });

  it('maps our variables onto the SDK names in one place', () => {
    const setup = loadTeamsSetup(
      { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'secret', TEAMS_TENANT_ID: 'tenant-1', TEAMS_APP_TYPE: 'SingleTenant' },
      '0.0.0.0',
    );
    if (setup.status !== 'enabled') throw new Error('expected enabled');
    expect(toSdkAuthSettings(setup)).toEqual({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant-1',
      MicrosoftAppType: 'SingleTenant',
    });
    expect(toSdkAuthSettings({ status: 'enabled', auth: 'none' })).toEqual({});
  });

  it.each([
    [{ TEAMS_APP_ID: APP_ID }, 'TEAMS_APP_PASSWORD is missing'],
    [{ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's', TEAMS_APP_TYPE: 'SingleTenant' }, 'TEAMS_TENANT_ID is missing'],
    [{ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's', TEAMS_TENANT_ID: 't', TEAMS_APP_TYPE: 'UserAssignedMSI' }, 'must not be set'],
    [{ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's', TEAMS_APP_TYPE: 'Multi' }, 'TEAMS_APP_TYPE'],
  ])('refuses a half-made configuration %j with a message saying what to fix', (env, message) => {
    let thrown: unknown;
    try {
      loadTeamsSetup(env, '127.0.0.1');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TeamsError);
    expect((thrown as TeamsError).code).toBe('TEAMS_CONFIG_INVALID');
    expect((thrown as TeamsError).message).toContain(message);
  });

  it('knows loopback addresses', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', 'example.org', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

describe('createTeamsPlatform', () => {
  const briefbot: Briefbot = { ask: async () => helpAnswer };

  it('is off with the reason when Teams is not configured', () => {
    expect(createTeamsPlatform({ env: {}, briefbot, logger: createSilentLogger(), host: undefined })).toEqual({
      name: 'teams',
      disabledReason: expect.stringContaining('TEAMS_APP_ID'),
    });
  });

  it('warns loudly at start when serving unauthenticated', () => {
    const log = createCaptureLogger();
    const platform = createTeamsPlatform({ env: { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, briefbot, logger: log.logger, host: '127.0.0.1' });
    expect('routes' in platform && platform.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/messages']);
    const warning = log.lines.find((l) => l.event === 'teams_unauthenticated');
    expect(warning).toMatchObject({ level: 40, platform: 'teams' });
    expect(String(warning?.msg)).toContain('UNAUTHENTICATED');
  });
});

describe('Teams endpoint with an app id configured', () => {
  let server: TeamsTestServer;
  const asked: string[] = [];
  const outbound: string[] = [];
  const recordOutbound = (req: { hostname?: string; path?: string }) => outbound.push(`${req.hostname}${req.path}`);

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock.emitter.on('no match', recordOutbound);
    const briefbot: Briefbot = {
      ask: async (question) => {
        asked.push(question);
        return helpAnswer;
      },
    };
    server = await startTeamsServer(briefbot, { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'not-a-real-secret' });
  });
  afterAll(async () => {
    nock.emitter.off('no match', recordOutbound);
    await server.close();
    nock.enableNetConnect();
  });

  it('answers 401 to a request without a token, before any turn runs or anything is fetched', async () => {
    const activity = { ...loadFixture('personal-message.json'), text: 'what did Dixon say about senates?' };
    const response = await postActivity(server, activity);
    expect(response.status).toBe(401);
    expect(asked).toEqual([]);
    expect(outbound.filter((o) => !o.startsWith('127.0.0.1'))).toEqual([]);
  });
});
