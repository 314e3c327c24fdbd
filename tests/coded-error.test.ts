import { describe, expect, it } from 'vitest';
import { IngestError } from '../src/ingest/ingest-error.js';
import { TeamsError } from '../adapters/teams/teams-error.js';
import { SlackAdapterError } from '../adapters/slack/slack-error.js';
import { CodedError } from '../src/index.js';

describe('CodedError', () => {
  it('keeps the code and the cause, and is named after the part that failed', () => {
    const cause = new Error('ECONNRESET');
    for (const [error, name] of [
      [new IngestError('network', 'could not fetch', { cause }), 'IngestError'],
      [new TeamsError('TEAMS_CONNECTOR_FAILED', 'could not post', { cause }), 'TeamsError'],
      [new SlackAdapterError('slack_answer_failed', 'could not answer', { cause }), 'SlackAdapterError'],
    ] as const) {
      expect(error).toBeInstanceOf(CodedError);
      expect(error.name).toBe(name);
      expect(error.cause).toBe(cause);
      expect(String(error)).toMatch(new RegExp(`^${name}: could not`));
    }
    expect(new IngestError('timeout', 'too slow').code).toBe('timeout');
  });
});
