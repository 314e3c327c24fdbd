import { z } from 'zod';

/** Slack refuses a button whose value is longer than this. */
export const BUTTON_VALUE_LIMIT = 2000;

/**
 * What a button carries to redo its query after a restart: the question, where the page or
 * result starts, and for "Share" the id of the result the user saw (so a changed corpus is noticed).
 */
export const ButtonValueSchema = z.object({
  /** The question as the user asked it. */
  q: z.string().min(1).max(BUTTON_VALUE_LIMIT),
  /** The first result to show (0-based). */
  o: z.number().int().min(0).max(10_000),
  /** Results to show. */
  l: z.number().int().min(1).max(50),
  /** The id of the shared result, for "Share in channel". */
  id: z.string().max(500).optional(),
});
export type ButtonValue = z.infer<typeof ButtonValueSchema>;

/** The button value as JSON, or null when it would not fit in Slack's limit (the button is then left out). */
export function encodeButtonValue(value: ButtonValue): string | null {
  const json = JSON.stringify(value);
  return json.length <= BUTTON_VALUE_LIMIT ? json : null;
}

/** Reads a value that came back from Slack; null when it is not one of ours. */
export function decodeButtonValue(raw: string | undefined): ButtonValue | null {
  if (raw === undefined || raw.length > BUTTON_VALUE_LIMIT) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = ButtonValueSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
