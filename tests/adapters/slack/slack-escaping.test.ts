import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../adapters/serve.js';
import { API_ORIGIN, mentionBody, postToSlackEvents, readApiCall, slashCommandBody, startTestServer, waitFor } from './slack-harness.js';

/** An article whose quote tries to notify everyone, mention a user and hide a link. */
const HOSTILE_ARTICLE = `---
title: Council row over budget <!here>
outlet: Test Gazette <@U999>
published: 2013-03-04
url: https://example.org/council-row?a=1&b=2
---
The council met on Monday.

"Tell <!channel> and <@U123> that the budget is broken, see <http://evil.example|the figures>," said Jane Doe, the council leader.
`;

let corpusDir: string;
let server: RunningServer;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  corpusDir = await mkdtemp(path.join(tmpdir(), 'briefbot-slack-'));
  await writeFile(path.join(corpusDir, '2013-03-04-test-gazette-council-row.md'), HOSTILE_ARTICLE);
  server = await startTestServer({ corpusDir });
  await server.ready;
});

afterAll(async () => {
  await server.close();
  await rm(corpusDir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Every `<…>` Slack would act on: mentions, specials and links. */
function liveMarkup(json: string): string[] {
  return [...json.matchAll(/<[^<>]*>/g)].map((m) => m[0]);
}

describe('text from articles', () => {
  it('reaches the slash command answer inert: no <!channel>, <@U123> or disguised link', async () => {
    const res = await postToSlackEvents(server, slashCommandBody('what did Jane Doe say about the budget?'));
    const body = await res.text();
    const parsed = JSON.parse(body) as { text: string; blocks: unknown[] };
    expect(body).toContain('Tell &lt;!channel&gt; and &lt;@U123&gt; that the budget is broken, see &lt;http://evil.example|the figures&gt;');
    // The only live markup left is our own link to the article, its address escaped.
    expect(liveMarkup(JSON.stringify(parsed.blocks))).toEqual([
      '<https://example.org/council-row?a=1&amp;b=2|Council row over budget &lt;!here&gt;>',
    ]);
    expect(body).toContain('Test Gazette &lt;@U999&gt;');
    expect(liveMarkup(parsed.text)).toEqual([]);
  });

  it('reaches a threaded answer inert too', async () => {
    let posted: Record<string, unknown> = {};
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .reply(200, (_uri, body) => {
        posted = readApiCall(body);
        return { ok: true, ts: '1.1' };
      });
    await postToSlackEvents(server, mentionBody('what did Jane Doe say about the budget?', 'EvHostile'));
    await waitFor(() => scope.isDone(), 5000, 'chat.postMessage');
    expect(JSON.stringify(posted.blocks)).toContain('&lt;!channel&gt;');
    expect(liveMarkup(String(posted.text))).toEqual([]);
    expect(liveMarkup(JSON.stringify(posted.blocks))).toHaveLength(1);
  });
});
