import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../../adapters/slack/create-slack-app.js';

const manifest = parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../adapters/slack/manifest.yml'), 'utf8'),
);

describe('the Slack app manifest', () => {
  it('declares /brief, the bot scopes, the events, interactivity and the Messages tab', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/brief']);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'channels:read', 'chat:write', 'commands', 'im:history', 'im:read', 'im:write']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  it('sends commands, events and interactivity to the path the server serves', () => {
    const urls = [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    expect(urls).toEqual(Array(3).fill(`https://YOUR-HOST${SLACK_EVENTS_PATH}`));
  });
});
