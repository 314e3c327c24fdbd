import { describe, expect, it } from 'vitest';
import { createQuoteLinks, LinkConfigError, loadQuoteLinks } from '../../src/index.js';

const SECRET = 'a-test-secret-of-some-length';
const ID = '2011-06-20-nhs-alliance-clinically-led-commissioning#1331';
const OTHER = '2011-06-20-nhs-alliance-clinically-led-commissioning#2093';

function linksAt(iso: string, secret = SECRET) {
  return createQuoteLinks({ secret, publicUrl: 'https://briefbot.example', ttlMs: 7 * 86_400_000, now: () => new Date(iso) });
}

function partsOf(link: string) {
  const url = new URL(link);
  return { id: decodeURIComponent(url.pathname.replace('/quotes/', '')), exp: url.searchParams.get('exp'), sig: url.searchParams.get('sig') };
}

describe('signed quote links', () => {
  it('makes a link under the public URL that verifies for its quote until it expires', () => {
    const link = linksAt('2026-12-01T12:00:00Z').linkFor(ID);
    expect(link).toMatch(/^https:\/\/briefbot\.example\/quotes\/2011-06-20-nhs-alliance-clinically-led-commissioning%231331\?exp=\d+&sig=[\w-]+$/);
    const { id, exp, sig } = partsOf(link);
    expect(id).toBe(ID);
    const check = linksAt('2026-12-07T12:00:00Z').verify(id, exp, sig);
    expect(check).toEqual({ kind: 'valid', expiresAt: new Date('2026-12-08T12:00:00Z') });
  });

  it('says a link is expired once its time has passed', () => {
    const { id, exp, sig } = partsOf(linksAt('2026-12-01T12:00:00Z').linkFor(ID));
    expect(linksAt('2026-12-08T12:00:01Z').verify(id, exp, sig)).toEqual({ kind: 'expired', expiredAt: new Date('2026-12-08T12:00:00Z') });
  });

  it('refuses a forged signature, a moved expiry, a missing part and another secret', () => {
    const links = linksAt('2026-12-01T12:00:00Z');
    const { id, exp, sig } = partsOf(links.linkFor(ID));
    expect(links.verify(id, exp, `${sig!.slice(0, -2)}xx`)).toEqual({ kind: 'forged' });
    expect(links.verify(id, String(Number(exp) + 86_400), sig)).toEqual({ kind: 'forged' });
    expect(links.verify(id, null, sig)).toEqual({ kind: 'forged' });
    expect(links.verify(id, exp, null)).toEqual({ kind: 'forged' });
    expect(links.verify(id, 'soon', sig)).toEqual({ kind: 'forged' });
    expect(linksAt('2026-12-01T12:00:00Z', 'another-secret-entirely').verify(id, exp, sig)).toEqual({ kind: 'forged' });
  });

  it("refuses one quote's signature on another quote", () => {
    const links = linksAt('2026-12-01T12:00:00Z');
    const { exp, sig } = partsOf(links.linkFor(ID));
    expect(links.verify(OTHER, exp, sig)).toEqual({ kind: 'forged' });
  });
});

describe('loadQuoteLinks', () => {
  it('is off when neither variable is set', () => {
    expect(loadQuoteLinks({})).toBeNull();
  });

  it('is on with both, dropping a trailing slash of the public URL', () => {
    const links = loadQuoteLinks({ BRIEFBOT_LINK_SECRET: SECRET, BRIEFBOT_PUBLIC_URL: 'https://bb.example/' });
    expect(links?.linkFor(ID)).toMatch(/^https:\/\/bb\.example\/quotes\//);
  });

  it('names the missing or wrong variable of a half-made configuration', () => {
    expect(() => loadQuoteLinks({ BRIEFBOT_PUBLIC_URL: 'https://bb.example' })).toThrow(/BRIEFBOT_LINK_SECRET is missing/);
    expect(() => loadQuoteLinks({ BRIEFBOT_LINK_SECRET: SECRET })).toThrow(/BRIEFBOT_PUBLIC_URL is missing/);
    expect(() => loadQuoteLinks({ BRIEFBOT_LINK_SECRET: 'short', BRIEFBOT_PUBLIC_URL: 'https://bb.example' })).toThrow(LinkConfigError);
    expect(() => loadQuoteLinks({ BRIEFBOT_LINK_SECRET: SECRET, BRIEFBOT_PUBLIC_URL: 'ftp://bb.example' })).toThrow(/BRIEFBOT_PUBLIC_URL must be/);
  });
});
