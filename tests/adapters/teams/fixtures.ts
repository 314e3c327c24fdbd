import { readFileSync } from 'node:fs';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';

const FIXTURES = new URL('../../fixtures/teams/', import.meta.url);

/** A fresh copy of a real Teams activity from tests/fixtures/teams/. */
export function loadFixture(name: string): Partial<Activity> {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Partial<Activity>;
}

/** The docs payload mentions a user; make that user the bot (same id and name) so the mismatch is the bot's. */
export function asBotMentioned(fixture: Partial<Activity>, text: string): Partial<Activity> {
  const mention = fixture.entities?.find((e) => e.type === 'mention') as { mentioned: { id: string; name: string } } | undefined;
  if (!mention) throw new Error('fixture has no mention');
  return {
    ...fixture,
    text,
    recipient: { id: mention.mentioned.id, name: mention.mentioned.name },
    conversation: { ...fixture.conversation, conversationType: 'channel', isGroup: true } as Activity['conversation'],
  };
}
