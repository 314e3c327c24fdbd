import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

/** Slack's requests are small (a modal's state is the largest); anything far larger is refused unread. */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;

const BodySchema = z.looseObject({});
const PayloadSchema = z.looseObject({ type: z.string() });

/** Whether a body is one Bolt can dispatch: a JSON object, a form, or a form whose `payload` is a JSON object with a type. */
export type SlackBodyCheck = { ok: true } | { ok: false; message: string };

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
    if (form.payload === undefined) return { ok: true };
    if (typeof form.payload !== 'string') return { ok: false, message: 'payload must be given once' };
    return PayloadSchema.safeParse(parseJson(form.payload)).success ? { ok: true } : { ok: false, message: 'payload must be a JSON object with a type' };
  }
  return BodySchema.safeParse(parseJson(text)).success ? { ok: true } : { ok: false, message: 'request body must be a JSON object' };
}
