/** An element or action of an Adaptive Card, as plain JSON. */
export type CardNode = { type: string } & Record<string, unknown>;

/** An Adaptive Card 1.5 (the version Teams renders) as plain JSON. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardNode[];
  actions?: CardNode[];
  /** The whole answer as plain text, for hosts that cannot render the card. */
  fallbackText?: string;
}

/**
 * What the bot sends for one answer: the card (whose `fallbackText` holds the whole answer as plain
 * text) and a one-line plain-text `text`. Teams shows a message's text as its own chat bubble above
 * the card and in notifications, so it is a summary, not a second copy of the answer.
 */
export interface TeamsReply {
  card: AdaptiveCardJson;
  text: string;
}

/** Teams refuses messages over about 28 KB; card and text together stay under this, with room for the envelope. */
export const MAX_REPLY_BYTES = 26_000;

/** The parts of a reply: card body and actions, the whole answer as plain text, and its one-line summary. */
export interface ReplyParts {
  body: CardNode[];
  actions?: CardNode[];
  plain: string;
  summary: string;
}

/** Assembles a reply: an Adaptive Card 1.5 with the plain text as its fallback, and the summary as `text`. */
export function createReply(parts: ReplyParts): TeamsReply {
  const actions = parts.actions ?? [];
  const card: AdaptiveCardJson = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: parts.body,
    ...(actions.length > 0 ? { actions } : {}),
    fallbackText: parts.plain,
  };
  return { card, text: parts.summary };
}

/** A wrapping TextBlock. `text` must already be escaped or be our own wording. */
export function textBlock(text: string, options: Record<string, unknown> = {}): CardNode {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** A Container of `items`. */
export function container(items: CardNode[], options: Record<string, unknown> = {}): CardNode {
  return { type: 'Container', items, ...options };
}

/** A button opening `url` in the browser. */
export function openUrlAction(title: string, url: string): CardNode {
  return { type: 'Action.OpenUrl', title, url };
}

/** A button sending `data` back to the bot as a card submit. */
export function submitAction(title: string, data: Record<string, unknown>): CardNode {
  return { type: 'Action.Submit', title, data };
}

/** Bytes the reply takes on the wire, card and text together. */
export function measureReply(reply: TeamsReply): number {
  return Buffer.byteLength(JSON.stringify(reply.card), 'utf8') + Buffer.byteLength(reply.text, 'utf8');
}

/**
 * Renders the most items that fit the size budget: `build(count)` renders the first `count` items.
 * Returns the largest fitting count's reply, or the one-item reply when even that is too large.
 */
export function fitItems(total: number, build: (count: number) => TeamsReply, budget: number = MAX_REPLY_BYTES): TeamsReply {
  const full = build(total);
  if (total <= 1 || measureReply(full) <= budget) return full;
  let low = 1;
  let high = total - 1;
  let best = build(1);
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const reply = build(mid);
    if (measureReply(reply) <= budget) {
      best = reply;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}
