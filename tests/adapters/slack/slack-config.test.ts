import { describe, expect, it } from 'vitest';
import { parseSlackConfig } from '../../../adapters/slack/slack-config.js';

describe('parseSlackConfig', () => {
  it('leaves Slack off, without error, when none of its variables is set', () => {
    expect(parseSlackConfig({})).toEqual({ kind: 'off', reason: 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) are not set' });
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
});
