import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import type { Briefbot } from '../../../src/index.js';
import { resultsAnswer, SENATES_QUOTE, senatesResult } from '../../fixtures/answers.js';
import { loadFixture } from './fixtures.js';
import { cardOf, cardTexts, postActivity, replyPath, startTeamsServer, type TeamsTestServer } from './harness.js';

/**
 * The authenticated path end to end, with Microsoft's identity services played by nock: the bot
 * checks the channel's token against the Bot Framework's published keys (here, our test key), then
 * gets its own token from Entra ID and sends the reply with it.
 */
const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const BOT_TOKEN = 'bot-token-from-entra';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KEY_ID = 'briefbot-test-key';

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** A token as the Bot Connector sends it: RS256, issued by api.botframework.com, for our app and this serviceUrl. */
function channelToken(serviceUrl: string, audience = APP_ID): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: KEY_ID }));
  const payload = base64url(
    JSON.stringify({ iss: 'https://api.botframework.com', aud: audience, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600 }),
  );
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** The Bot Framework's OpenID metadata and signing keys, endorsed for Teams. */
function stubBotFrameworkKeys(): nock.Scope {
  const jwk = publicKey.export({ format: 'jwk' });
  return nock('https://login.botframework.com')
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, { issuer: 'https://api.botframework.com', jwks_uri: 'https://login.botframework.com/v1/.well-known/keys', id_token_signing_alg_values_supported: ['RS256'] })
    .get('/v1/.well-known/keys')
    .reply(200, { keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
}

/** Entra ID's token endpoint for the botframework.com tenant, answering the bot's client-credentials request. */
function stubEntraToken(): nock.Scope {
  const base = 'https://login.microsoftonline.com/botframework.com';
  return nock('https://login.microsoftonline.com')
    .get('/botframework.com/v2.0/.well-known/openid-configuration')
    .optionally()
    .reply(200, {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      issuer: 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0',
      jwks_uri: `${base}/discovery/v2.0/keys`,
    })
    // MSAL adds ?client-request-id=<uuid>.
    .post(/^\/botframework\.com\/oauth2\/v2\.0\/token(\?|$)/, (body: Record<string, string>) => body.client_id === APP_ID && body.grant_type === 'client_credentials')
    .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: BOT_TOKEN });
}

describe('Teams endpoint with an app id: token checked in, token sent out', () => {
  let server: TeamsTestServer;
  const asked: string[] = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    const briefbot: Briefbot = {
      ask: async (question) => {
        asked.push(question);
        return resultsAnswer([senatesResult]);
      },
    };
    server = await startTeamsServer(briefbot, { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'not-a-real-secret' });
  });
  afterAll(async () => {
    nock.cleanAll();
    await server.close();
    nock.enableNetConnect();
  });

  it('answers a message carrying a valid channel token, replying with its own bearer token', async () => {
    const activity = { ...loadFixture('personal-message.json'), text: 'what did Dixon say about senates?' };
    const keys = stubBotFrameworkKeys();
    const entra = stubEntraToken();
    const sent: Array<Partial<Activity>> = [];
    const connector = nock(new URL(activity.serviceUrl ?? '').origin)
      .matchHeader('authorization', `Bearer ${BOT_TOKEN}`)
      .post(replyPath(activity), (body: Partial<Activity>) => {
        sent.push(body);
        return true;
      })
      .reply(200, { id: 'reply-1' });

    const response = await postActivity(server, activity, { authorization: `Bearer ${channelToken(activity.serviceUrl ?? '')}` });
    expect(response.status).toBe(200);
    expect(keys.isDone()).toBe(true);
    expect(entra.isDone()).toBe(true);
    expect(connector.isDone()).toBe(true);
    expect(asked).toEqual(['what did Dixon say about senates?']);
    expect(cardTexts(cardOf(sent[0]))).toContain(`“${SENATES_QUOTE}”`);
  });

  it('refuses a token made for another app with 401, before the core is asked', async () => {
    asked.length = 0;
    // The SDK caches the keys for a day; they are offered again for when this test runs alone.
    stubBotFrameworkKeys();
    const activity = { ...loadFixture('personal-message.json'), text: 'what did Dixon say about senates?' };
    const response = await postActivity(server, activity, {
      authorization: `Bearer ${channelToken(activity.serviceUrl ?? '', '11111111-2222-3333-4444-555555555555')}`,
    });
    expect(response.status).toBe(401);
    expect(asked).toEqual([]);
  });
});
