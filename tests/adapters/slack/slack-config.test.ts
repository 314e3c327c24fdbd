import { describe, expect, it } from 'vitest';
import { parseSlackConfig } from '../../../adapters/slack/slack-config.js';

describe('parseSlackConfig', () => {
  it('leaves Slack off, without error, when none of its variables is set', () => {
    expect(parseSlackConfig({})).toEqual({ kind: 'off', reason: 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN, or SLACK_CLIENT_ID for installs in many workspaces) are not set' });
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: '  ' }).kind).toBe('off');
  });

  it('reads HTTP mode from a bot token and a signing secret', () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'abcdef0123456789', SLACK_API_URL: 'http://127.0.0.1:9999/api' })).toEqual({
      kind: 'enabled',
      config: { mode: 'http', botToken: 'xoxb-1-2', signingSecret: 'abcdef0123456789', apiUrl: 'http://127.0.0.1:9999/api/' },
    });
  });

  it('turns Socket Mode on when SLACK_APP_TOKEN is set, signing secret not needed', () => {
    const result = parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1-A1-3', SLACK_BOT_ID: 'B01', SLACK_BOT_USER_ID: 'U01' });
    expect(result).toEqual({
      kind: 'enabled',
      config: { mode: 'socket', botToken: 'xoxb-1-2', appToken: 'xapp-1-A1-3', botId: 'B01', botUserId: 'U01' },
    });
  });

  it('says which secret to set, and where to find it, when HTTP mode lacks the signing secret', () => {
    const result = parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2' });
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(/^SLACK_SIGNING_SECRET is missing: copy the Signing Secret from your app’s Basic Information page/);
  });

  it('says to set the bot token when only the signing secret is there', () => {
    const result = parseSlackConfig({ SLACK_SIGNING_SECRET: 'abcdef0123456789' });
    expect(result.kind === 'invalid' && result.reason).toMatch(/^SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token/);
  });

  it('rejects a user token or an app token given as bot token, without echoing it', () => {
    const result = parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxp-secret-user-token', SLACK_SIGNING_SECRET: 'abcdef0123456789' });
    expect(result.kind === 'invalid' && result.reason).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(JSON.stringify(result)).not.toContain('secret-user-token');
  });

  it('asks for an app token in Socket Mode', () => {
    const result = parseSlackConfig({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789' });
    expect(result.kind === 'invalid' && result.reason).toMatch(/^SLACK_APP_TOKEN is missing/);
    expect(parseSlackConfig({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-wrong' })).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('SLACK_APP_TOKEN must be an app-level token starting with xapp-'),
    });
  });

  it('rejects an unknown SLACK_MODE and a malformed SLACK_API_URL', () => {
    expect(parseSlackConfig({ SLACK_MODE: 'carrier-pigeon', SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual({
      kind: 'invalid',
      reason: 'SLACK_MODE must be "http" or "socket", not "carrier-pigeon"',
    });
    const result = parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789', SLACK_API_URL: 'slack.com/api' });
    expect(result.kind === 'invalid' && result.reason).toContain('SLACK_API_URL must be an http(s) address');
  });

  describe('installs in many workspaces (OAuth)', () => {
    const oauth = { SLACK_SIGNING_SECRET: 'abcdef0123456789', SLACK_CLIENT_ID: '1234567890.9876543210', SLACK_CLIENT_SECRET: 'client-secret-1', SLACK_STATE_SECRET: '0123456789abcdef0123' };

    it('reads OAuth mode from the client id, client secret and state secret, asking the manifest’s scopes by default', () => {
      expect(parseSlackConfig(oauth)).toEqual({
        kind: 'enabled',
        config: {
          mode: 'oauth',
          signingSecret: 'abcdef0123456789',
          clientId: '1234567890.9876543210',
          clientSecret: 'client-secret-1',
          stateSecret: '0123456789abcdef0123',
          scopes: ['commands', 'chat:write', 'app_mentions:read', 'im:history', 'im:read', 'im:write'],
        },
      });
      const custom = parseSlackConfig({ ...oauth, SLACK_SCOPES: 'commands, chat:write', SLACK_REDIRECT_URI: 'https://briefbot.example.org/slack/oauth_redirect' });
      expect(custom.kind === 'enabled' && custom.config).toMatchObject({ scopes: ['commands', 'chat:write'], redirectUri: 'https://briefbot.example.org/slack/oauth_redirect' });
    });

    it('names each missing OAuth variable and where to find it', () => {
      const result = parseSlackConfig({ SLACK_CLIENT_ID: '1234567890.9876543210' });
      expect(result.kind).toBe('invalid');
      const reason = result.kind === 'invalid' ? result.reason : '';
      expect(reason).toContain('SLACK_SIGNING_SECRET is missing');
      expect(reason).toContain('SLACK_CLIENT_SECRET is missing: copy the Client Secret from your app’s Basic Information page');
      expect(reason).toContain('SLACK_STATE_SECRET is missing: set it to a random string of 16 characters or more');
    });

    it('refuses a short state secret, a malformed client id, a redirect elsewhere and bad scopes', () => {
      const reasonOf = (env: NodeJS.ProcessEnv) => {
        const result = parseSlackConfig({ ...oauth, ...env });
        return result.kind === 'invalid' ? result.reason : `unexpectedly ${result.kind}`;
      };
      expect(reasonOf({ SLACK_STATE_SECRET: 'short' })).toMatch(/^SLACK_STATE_SECRET must be 16 characters or more/);
      expect(reasonOf({ SLACK_CLIENT_ID: 'abc' })).toMatch(/^SLACK_CLIENT_ID must look like/);
      expect(reasonOf({ SLACK_REDIRECT_URI: 'https://briefbot.example.org/elsewhere' })).toMatch(/^SLACK_REDIRECT_URI must be the public address of \/slack\/oauth_redirect/);
      expect(reasonOf({ SLACK_SCOPES: 'commands;chat write' })).toMatch(/^SLACK_SCOPES must be bot scopes separated by commas/);
    });

    it('refuses a bot token beside the OAuth variables, and Socket Mode with them, saying which to keep', () => {
      const both = parseSlackConfig({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1-2' });
      expect(both).toEqual({ kind: 'invalid', reason: 'set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (installs in many workspaces), not both' });
      const socket = parseSlackConfig({ ...oauth, SLACK_APP_TOKEN: 'xapp-1-A1-3' });
      expect(socket.kind === 'invalid' && socket.reason).toMatch(/need HTTP mode: unset SLACK_APP_TOKEN/);
    });

    it('never echoes a secret in its reasons', () => {
      const result = parseSlackConfig({ ...oauth, SLACK_STATE_SECRET: 'tiny-secret', SLACK_CLIENT_SECRET: 'x' });
      expect(result.kind === 'invalid' && result.reason).not.toMatch(/tiny-secret|: x\b/);
    });
  });
});
