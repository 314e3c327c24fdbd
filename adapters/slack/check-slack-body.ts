import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

/** Slack's requests are small (a modal's state is the largest); anything far larger is refused unread. */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;

const BodySchema = z.looseObject({});
const PayloadSchema = z.looseObject({ type: z.string() });

/**
 * Whether a body is one Bolt can read: a JSON object, a form, or a form whose `payload` is a JSON
 * object with a type; with what Bolt will dispatch (`body`, the payload when there is one).
 */
export type SlackBodyCheck = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

const DISPATCHED_TYPES = new Set(['block_suggestion', 'dialog_submission', 'shortcut', 'message_action', 'view_submission', 'view_closed']);

/**
 * Whether Bolt will hand a body to its listeners (its `getTypeAndConversation` rules), or answer
 * it in the receiver (`ssl_check`, `url_verification`). Anything else Bolt would hold for 3 s,
 * then answer 404.
 */
export function isDispatchedBySlackApp(body: Record<string, unknown>): boolean {
  if (body.ssl_check !== undefined || body.type === 'url_verification') return true;
  if (body.event !== undefined || body.command !== undefined || body.name !== undefined || body.actions !== undefined) return true;
  return typeof body.type === 'string' && DISPATCHED_TYPES.has(body.type);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Checks a Slack request body the way Bolt's receiver will read it (form when the content type is
 * exactly `application/x-www-form-urlencoded`, else JSON), so a body Bolt would choke on (`null`,
 * `payload=null`, an array, a number) is refused with a 400 before Bolt sees it.
 */
export function checkSlackBody(contentType: string | undefined, text: string): SlackBodyCheck {
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parseQuery(text);
    if (form.payload === undefined) return { ok: true, body: form };
    if (typeof form.payload !== 'string') return { ok: false, message: 'payload must be given once' };
    const payload = PayloadSchema.safeParse(parseJson(form.payload));
    return payload.success ? { ok: true, body: payload.data } : { ok: false, message: 'payload must be a JSON object with a type' };
  }
  const body = BodySchema.safeParse(parseJson(text));
  return body.success ? { ok: true, body: body.data } : { ok: false, message: 'request body must be a JSON object' };
}
