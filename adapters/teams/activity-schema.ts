import { z } from 'zod';

/** A Bot Framework channel account (a user or the bot): an id at least; the rest is kept as sent. */
const AccountSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  aadObjectId: z.string().nullish(),
});

/**
 * The fields of an incoming activity that botbuilder and our bot read, checked before either sees
 * it: a body without them (or with them of the wrong type) is refused with 400 instead of a
 * TypeError deep in the SDK, a 500, or a wait on a `serviceUrl` that is not there. Anything else
 * is passed on untouched.
 */
export const ActivitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().nullish(),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  channelId: z.string().min(1),
  from: AccountSchema,
  recipient: AccountSchema,
  conversation: z.looseObject({
    id: z.string().min(1),
    conversationType: z.string().nullish(),
    tenantId: z.string().nullish(),
    isGroup: z.boolean().nullish(),
  }),
  text: z.string().nullish(),
  textFormat: z.string().nullish(),
  locale: z.string().nullish(),
  localTimezone: z.string().nullish(),
  replyToId: z.string().nullish(),
  name: z.string().nullish(),
  entities: z.array(z.looseObject({ type: z.string() })).nullish(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).nullish(),
  membersAdded: z.array(AccountSchema).nullish(),
  membersRemoved: z.array(AccountSchema).nullish(),
  channelData: z.record(z.string(), z.unknown()).nullish(),
});

/** The activity checked, or a one-line reason naming the first field at fault (never its value). */
export function checkActivity(body: Record<string, unknown>): { ok: true } | { ok: false; message: string; fields: string[] } {
  const parsed = ActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true };
  const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)');
  const first = parsed.error.issues[0];
  return { ok: false, message: `not a valid activity: ${fields[0]}: ${first?.message ?? 'invalid'}`, fields };
}
