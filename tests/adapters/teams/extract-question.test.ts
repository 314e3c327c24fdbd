import { describe, expect, it } from 'vitest';
import type { TeamsActivity as Activity } from '../../../adapters/teams/index.js';
import { extractQuestion } from '../../../adapters/teams/extract-question.js';
import { asBotMentioned, loadFixture } from './fixtures.js';

const QUESTION = 'what did Dixon say about senates?';

describe('extractQuestion', () => {
  it('takes a personal message as it is', () => {
    const activity = { ...loadFixture('personal-message.json'), text: QUESTION };
    expect(extractQuestion(activity)).toEqual({ kind: 'question', text: QUESTION });
  });

  it('removes the bot mention from a channel message (real capture)', () => {
    const activity = loadFixture('channel-message-bot-mention.json');
    expect(extractQuestion(activity)).toEqual({ kind: 'question', text: 'reply to thread' });
    expect(extractQuestion({ ...activity, text: `<at>ridotest</at> ${QUESTION}` })).toEqual({ kind: 'question', text: QUESTION });
  });

  it('removes a mention whose entity text does not match the message text', () => {
    // The docs payload's entity says "<at>@Pranav Smith</at>", the text "<at>Pranav Smith</at>".
    const fixture = loadFixture('channel-message-user-mention-docs.json');
    const activity = asBotMentioned(fixture, `Hey <at>Pranav Smith</at> ${QUESTION}`);
    expect(extractQuestion(activity)).toEqual({ kind: 'question', text: `Hey ${QUESTION}` });
  });

  it('removes a bot name with a space sent as several mentions, and CRLF around the text', () => {
    const fixture = loadFixture('channel-message-bot-mention.json');
    const bot = { id: fixture.recipient?.id ?? '', name: 'Brief Bot' };
    const activity: Partial<Activity> = {
      ...fixture,
      recipient: { ...bot },
      text: `\r\n<at>Brief</at> <at>Bot</at> ${QUESTION}\r\n`,
      entities: [
        { type: 'mention', mentioned: bot, text: '<at>Brief</at>' },
        { type: 'mention', mentioned: bot, text: '<at>Bot</at>' },
      ],
    };
    expect(extractQuestion(activity)).toEqual({ kind: 'question', text: QUESTION });
  });

  it("keeps other people's mentions as plain names", () => {
    const fixture = loadFixture('channel-message-bot-mention.json');
    const activity = { ...fixture, text: '<at>ridotest</at> what did <at>Michael Dixon</at> say about senates?' };
    expect(extractQuestion(activity)).toEqual({ kind: 'question', text: 'what did Michael Dixon say about senates?' });
  });

  it('ignores a channel message that mentions someone else but not the bot', () => {
    const fixture = loadFixture('channel-message-user-mention-docs.json');
    const activity = { ...fixture, conversation: { ...fixture.conversation, conversationType: 'channel', isGroup: true } } as Partial<Activity>;
    expect(extractQuestion(activity)).toEqual({ kind: 'ignore', reason: 'not_mentioned' });
  });
});
