import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { IngestError } from './ingest-error.js';
import { isPrivateAddress } from './is-private-address.js';

/** One resolved address of a host name. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses; injected so tests decide what a name resolves to. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** The limits every fetch runs under. */
export interface FetchOptions {
  /** Largest body accepted, in bytes, counted while streaming (after decompression). Default 5 MB. */
  maxBytes: number;
  /** Time allowed for the whole fetch, redirects included, in milliseconds. Default 15 s. */
  timeoutMs: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects: number;
  /** Reach private, loopback and link-local addresses too. Default false. */
  allowPrivate: boolean;
  resolveHost: ResolveHost;
  /** The `Accept` header sent. */
  accept: string;
  /** Validators from the last fetch, for a conditional GET: a 304 answer then comes back as `notModified`. */
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

/** What a fetch brought back. */
export interface FetchedPage {
  /** The address the body came from, after redirects. */
  url: string;
  contentType: string;
  body: Buffer;
  /** True when a conditional GET was answered 304 (the body is then empty). */
  notModified?: boolean;
  /** The validators to send next time (`ETag`, `Last-Modified`), when the server gave them. */
  etag?: string;
  lastModified?: string;
}

/** Resolves with the system resolver, every address of the name. */
export const resolveWithSystem: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** The defaults: 5 MB, 15 s, 5 redirects, public addresses only. */
export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 5,
  allowPrivate: false,
  resolveHost: resolveWithSystem,
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
};

const USER_AGENT = 'Briefbot/0.1 (corpus ingest)';

/** Parses an address the user or a page gave, accepting http and https only. */
export function parseHttpUrl(value: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch (error) {
    throw new IngestError('bad_url', `"${value}" is not a web address: give a full http:// or https:// address`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestError('bad_url', `${url.protocol} addresses are not fetched: only http:// and https:// are`);
  }
  return url;
}

/** Checks where `url` points and returns the address to connect to, or null to let Node resolve it. */
async function resolveSafely(url: URL, options: FetchOptions): Promise<ResolvedAddress | null> {
  if (options.allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const refuse = (address: string) =>
    new IngestError('private_address', `${url.host} resolves to ${address}, a private or local address: refused (use --allow-private to fetch from your own network)`);
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw refuse(host);
    return null;
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await options.resolveHost(host);
  } catch (error) {
    throw new IngestError('dns_failed', `cannot find the site ${host}: check the address`, { cause: error });
  }
  if (addresses.length === 0) throw new IngestError('dns_failed', `cannot find the site ${host}: check the address`);
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) throw refuse(bad.address);
  return addresses[0] ?? null;
}

/** A lookup that answers only with the address already checked, so DNS cannot change between check and connect. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, opts, callback) => {
    if (opts.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

function requestOnce(url: URL, pinned: ResolvedAddress | null, options: FetchOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      headers: {
        'user-agent': USER_AGENT,
        accept: options.accept,
        'accept-encoding': 'gzip, deflate, br',
        ...(options.ifNoneMatch ? { 'if-none-match': options.ifNoneMatch } : {}),
        ...(options.ifModifiedSince ? { 'if-modified-since': options.ifModifiedSince } : {}),
      },
      signal,
      ...(pinned ? { lookup: pinnedLookup(pinned) } : {}),
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

function decode(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip()
    : encoding === 'deflate' ? zlib.createInflate()
    : encoding === 'br' ? zlib.createBrotliDecompress()
    : null;
  if (!decoder) return res;
  res.on('error', (error) => decoder.destroy(error));
  return res.pipe(decoder);
}

async function readLimited(res: http.IncomingMessage, url: URL, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new IngestError('too_large', `${url.href} is larger than the ${formatBytes(maxBytes)} limit: refused`);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw tooLarge();
  }
  const stream = decode(res);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) {
      stream.destroy();
      res.destroy();
      throw tooLarge();
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} kB`;
}

/**
 * Fetches an http(s) address under the limits: every hop of a redirect is checked again, private
 * addresses are refused unless allowed, and the body is cut off at `maxBytes` while it streams.
 */
export async function fetchPage(address: string, overrides: Partial<FetchOptions> = {}): Promise<FetchedPage> {
  const options: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...overrides };
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = parseHttpUrl(address);
  try {
    for (let hop = 0; ; hop += 1) {
      const pinned = await resolveSafely(url, options);
      const res = await requestOnce(url, pinned, options, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        if (hop >= options.maxRedirects) {
          throw new IngestError('too_many_redirects', `${address} redirects more than ${options.maxRedirects} times: refused`);
        }
        url = parseHttpUrl(location, url);
        continue;
      }
      const validators = {
        ...(typeof res.headers.etag === 'string' ? { etag: res.headers.etag } : {}),
        ...(typeof res.headers['last-modified'] === 'string' ? { lastModified: res.headers['last-modified'] } : {}),
      };
      if (status === 304 && (options.ifNoneMatch || options.ifModifiedSince)) {
        res.resume();
        return { url: url.href, contentType: '', body: Buffer.alloc(0), notModified: true, ...validators };
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new IngestError('http_status', `${url.href} answered HTTP ${status}: nothing added`);
      }
      const body = await readLimited(res, url, options.maxBytes);
      return { url: url.href, contentType: String(res.headers['content-type'] ?? ''), body, ...validators };
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (signal.aborted) {
      throw new IngestError('timeout', `${url.href} did not answer within ${options.timeoutMs / 1000} s: nothing added`, { cause: error });
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new IngestError('network', `cannot fetch ${url.href} (${code}): check the address and your connection`, { cause: error });
  }
}
