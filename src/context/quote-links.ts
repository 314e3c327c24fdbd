import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CodedError } from '../coded-error.js';

/** The path under which the context pages are served: `/quotes/<statement id>`. */
export const QUOTES_PATH = '/quotes/';

/** Makes and checks the signed "In context" links of one server. */
export interface QuoteLinks {
  /** The signed address of a quote's context page, valid for the configured time from now. */
  linkFor(statementId: string): string;
  /** Checks a link's expiry and signature for this statement id. */
  verify(statementId: string, exp: string | null, sig: string | null): LinkCheck;
}

/** What a link check found: a forged link (or one of another quote) and an expired one are told apart for the page. */
export type LinkCheck = { kind: 'valid'; expiresAt: Date } | { kind: 'expired'; expiredAt: Date } | { kind: 'forged' };

/** `BRIEFBOT_LINK_SECRET`, `BRIEFBOT_PUBLIC_URL` and `BRIEFBOT_LINK_TTL_DAYS`: both of the first two, or neither. */
const LinkEnvSchema = z.object({
  BRIEFBOT_LINK_SECRET: z.string().min(16, 'must be at least 16 characters (e.g. openssl rand -hex 32)'),
  BRIEFBOT_PUBLIC_URL: z
    .string()
    .trim()
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be the http(s) address the server is reached at, e.g. https://briefbot.example.org')
    .transform((u) => u.replace(/\/+$/, '')),
  BRIEFBOT_LINK_TTL_DAYS: z.coerce.number().positive().max(3650).default(30),
});

/** Raised by `loadQuoteLinks` for a half-made or invalid link configuration. */
export class LinkConfigError extends CodedError<'BRIEFBOT_LINK_CONFIG_INVALID'> {}

/**
 * Reads the link settings from the environment: null when neither the secret nor the public URL
 * is set (no "In context" links), the links when both are; throws a `LinkConfigError` naming the
 * variable when only one is set or a value is wrong.
 */
export function loadQuoteLinks(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): QuoteLinks | null {
  const secret = env.BRIEFBOT_LINK_SECRET;
  const url = env.BRIEFBOT_PUBLIC_URL;
  if ((secret === undefined || secret === '') && (url === undefined || url === '')) return null;
  const parsed = LinkEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const message = issue.code === 'invalid_type' ? `${name} is missing: set it too, or unset both BRIEFBOT_LINK_SECRET and BRIEFBOT_PUBLIC_URL` : `${name} ${issue.message}`;
    throw new LinkConfigError('BRIEFBOT_LINK_CONFIG_INVALID', message);
  }
  return createQuoteLinks({
    secret: parsed.data.BRIEFBOT_LINK_SECRET,
    publicUrl: parsed.data.BRIEFBOT_PUBLIC_URL,
    ttlMs: parsed.data.BRIEFBOT_LINK_TTL_DAYS * 86_400_000,
    now,
  });
}

function sign(secret: string, statementId: string, exp: number): string {
  return createHmac('sha256', secret).update(`quote\n${statementId}\n${exp}`).digest('base64url');
}

/** Signed links: HMAC-SHA256 over the statement id and the expiry (Unix seconds), in the query string. */
export function createQuoteLinks(options: { secret: string; publicUrl: string; ttlMs: number; now: () => Date }): QuoteLinks {
  const { secret, publicUrl, ttlMs, now } = options;
  return {
    linkFor(statementId) {
      const exp = Math.floor((now().getTime() + ttlMs) / 1000);
      return `${publicUrl}${QUOTES_PATH}${encodeURIComponent(statementId)}?exp=${exp}&sig=${sign(secret, statementId, exp)}`;
    },
    verify(statementId, exp, sig) {
      if (exp === null || sig === null || !/^\d{1,12}$/.test(exp)) return { kind: 'forged' };
      const expected = Buffer.from(sign(secret, statementId, Number(exp)));
      const given = Buffer.from(sig);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'forged' };
      const at = new Date(Number(exp) * 1000);
      return at.getTime() <= now().getTime() ? { kind: 'expired', expiredAt: at } : { kind: 'valid', expiresAt: at };
    },
  };
}
