import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

/** At least 16 characters and no white space, so it fits an `Authorization: Bearer` header as it is. */
const MetricsTokenSchema = z.string().min(16).regex(/^\S+$/);

/**
 * `BRIEFBOT_METRICS_TOKEN`: when set, `GET /metrics` needs `Authorization: Bearer <token>`; unset or
 * empty, the route is open. A token that is too short or has white space is refused, naming the variable
 * (never echoing the value).
 */
export function parseMetricsToken(env: Record<string, string | undefined>): { ok: true; token: string | null } | { ok: false; message: string } {
  const raw = env.BRIEFBOT_METRICS_TOKEN;
  if (raw === undefined || raw === '') return { ok: true, token: null };
  const parsed = MetricsTokenSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'BRIEFBOT_METRICS_TOKEN must be at least 16 characters with no spaces (e.g. the output of `openssl rand -hex 32`)' };
  return { ok: true, token: parsed.data };
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether the request carries `Authorization: Bearer <token>`. Both sides are hashed to the same
 * length first and compared with `timingSafeEqual`, so the time taken says nothing about the token.
 */
export function hasBearerToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const given = match?.[1] ?? '';
  // Compared even when the header is missing, so a missing header takes the same time as a wrong one.
  const same = timingSafeEqual(digest(given), digest(token));
  return match !== null && same;
}
