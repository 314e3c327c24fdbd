import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in made of one post: an Adaptive Card reply to an activity, or why not. */
export type ReplyCheck = { kind: 'card'; replyToId: string } | { kind: 'not card'; replyToId: string; reason: string } | { kind: 'bad path'; reason: string };

/** Counts of the replies the stand-in received, and a few examples of what was wrong. */
export interface ReplyTally {
  received: number;
  cards: number;
  notCards: number;
  badPaths: number;
  /** Replies to an activity that had already been answered. */
  duplicates: number;
  examples: string[];
}

/** The Bot Connector on loopback: where the bot posts its replies during the load test. */
export interface ConnectorStandIn {
  /** The `serviceUrl` to put in activities (with a region path and trailing slash, as Teams sends it). */
  serviceUrl: string;
  tally(): ReplyTally;
  close(): Promise<void>;
}

const REPLY_PATH = /\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/;
const CARD = 'application/vnd.microsoft.card.adaptive';
const MAX_EXAMPLES = 5;

/**
 * Checks a post to the Connector: it must reply to an activity (`…/v3/conversations/{id}/activities/{replyToId}`,
 * the body's replyToId the same), be a message, and carry an Adaptive Card.
 */
export function checkReply(path: string, body: unknown): ReplyCheck {
  const match = REPLY_PATH.exec(path.split('?')[0] ?? '');
  if (!match) return { kind: 'bad path', reason: `not a reply path: ${path.slice(0, 120)}` };
  const replyToId = decodeURIComponent(match[2]!);
  if (typeof body !== 'object' || body === null) return { kind: 'not card', replyToId, reason: 'body is not a JSON object' };
  const activity = body as { type?: unknown; replyToId?: unknown; text?: unknown; attachments?: unknown };
  if (activity.replyToId !== replyToId) return { kind: 'bad path', reason: `path replies to ${replyToId}, body to ${String(activity.replyToId)}` };
  if (activity.type !== 'message') return { kind: 'not card', replyToId, reason: `type ${String(activity.type)}` };
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as Array<{ contentType?: unknown; content?: unknown }>) : [];
  const card = attachments.find((a) => a.contentType === CARD);
  if (!card || (card.content as { type?: unknown } | undefined)?.type !== 'AdaptiveCard') {
    return { kind: 'not card', replyToId, reason: `no Adaptive Card; text: ${String(activity.text ?? '').slice(0, 100)}` };
  }
  return { kind: 'card', replyToId };
}

/** Starts the stand-in on 127.0.0.1 (a free port): it answers every post at once with 200 and an id, and tallies what it got. */
export async function startConnectorStandIn(): Promise<ConnectorStandIn> {
  const tally: ReplyTally = { received: 0, cards: 0, notCards: 0, badPaths: 0, duplicates: 0, examples: [] };
  const answered = new Set<string>();
  const note = (example: string) => {
    if (tally.examples.length < MAX_EXAMPLES) tally.examples.push(example);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      tally.received++;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      const check = req.method === 'POST' ? checkReply(req.url ?? '', body) : ({ kind: 'bad path', reason: `${req.method} ${req.url}` } as const);
      if (check.kind === 'bad path') {
        tally.badPaths++;
        note(check.reason);
      } else {
        if (answered.has(check.replyToId)) tally.duplicates++;
        answered.add(check.replyToId);
        if (check.kind === 'card') tally.cards++;
        else {
          tally.notCards++;
          note(check.reason);
        }
      }
      const reply = JSON.stringify({ id: `reply-${tally.received}` });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(reply) });
      res.end(reply);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/amer/`,
    tally: () => ({ ...tally, examples: [...tally.examples] }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
