import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { fetchPage, type ResolveHost } from '../../src/ingest/fetch-page.js';
import { IngestError } from '../../src/ingest/ingest-error.js';

/** Test DNS: the names tests use, resolved without the network. */
const DNS: Record<string, string[]> = {
  'news.example.com': ['93.184.216.34'],
  'cdn.example.com': ['2606:4700::6810:84e5'],
  'intranet.example.com': ['10.0.0.7'],
  'rebind.example.com': ['93.184.216.35', '192.168.1.20'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
};
const resolveHost: ResolveHost = async (host) => {
  const addresses = DNS[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('fetchPage', () => {
  it('fetches a page from a public host and says where it ended up', async () => {
    const scope = nock('https://news.example.com').get('/story').reply(200, '<p>hello</p>', { 'content-type': 'text/html; charset=utf-8' });
    const page = await fetchPage('https://news.example.com/story', { resolveHost });
    expect(page.body.toString()).toBe('<p>hello</p>');
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.url).toBe('https://news.example.com/story');
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a 20 MB page that declares its length, without reading it', async () => {
    const big = 'x'.repeat(20 * 1024 * 1024);
    nock('https://news.example.com').get('/huge').reply(200, big, { 'content-type': 'text/html', 'content-length': String(big.length) });
    const error = await failure(fetchPage('https://news.example.com/huge', { resolveHost }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/5 MB limit/);
  });

  it('refuses a 20 MB page streamed without a length, and stops reading at the limit', async () => {
    // A real server (nock buffers whole bodies): it streams 20 MB in chunks, with no content-length.
    nock.enableNetConnect('127.0.0.1');
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'y');
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const pump = () => {
        while (sent < 20 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await failure(fetchPage(`http://127.0.0.1:${port}/stream`, { allowPrivate: true }));
      expect(error.code).toBe('too_large');
      expect(sent).toBeLessThan(12 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      nock.disableNetConnect();
    }
  });

  it('counts the size after decompression, so a small gzip bomb is refused too', async () => {
    const packed = gzipSync(Buffer.alloc(6 * 1024 * 1024, ' '));
    expect(packed.length).toBeLessThan(100 * 1024);
    nock('https://news.example.com').get('/bomb').reply(200, packed, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    expect((await failure(fetchPage('https://news.example.com/bomb', { resolveHost }))).code).toBe('too_large');
  });

  it('decompresses a gzip page', async () => {
    nock('https://news.example.com').get('/gz').reply(200, gzipSync('<p>packed</p>'), { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    expect((await fetchPage('https://news.example.com/gz', { resolveHost })).body.toString()).toBe('<p>packed</p>');
  });

  it('refuses a redirect to 127.0.0.1', async () => {
    const scope = nock('https://news.example.com').get('/go').reply(302, '', { location: 'http://127.0.0.1:8080/admin' });
    const local = nock('http://127.0.0.1:8080').get('/admin').reply(200, 'secret');
    const error = await failure(fetchPage('https://news.example.com/go', { resolveHost }));
    expect(error.code).toBe('private_address');
    expect(error.message).toMatch(/127\.0\.0\.1.*--allow-private/);
    expect(scope.isDone()).toBe(true);
    expect(local.isDone()).toBe(false);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    nock('https://news.example.com').get('/go').reply(301, '', { location: 'https://intranet.example.com/wiki' });
    const inside = nock('https://intranet.example.com').get('/wiki').reply(200, 'internal');
    expect((await failure(fetchPage('https://news.example.com/go', { resolveHost }))).code).toBe('private_address');
    expect(inside.isDone()).toBe(false);
  });

  it('refuses a name with any private address among its public ones', async () => {
    expect((await failure(fetchPage('http://rebind.example.com/', { resolveHost }))).code).toBe('private_address');
  });

  it('refuses IPv6 loopback, link-local metadata and IPv4-mapped loopback addresses', async () => {
    for (const address of ['http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://[fd12:3456::1]/', 'http://100.64.0.1/', 'http://mapped.example.com/']) {
      expect((await failure(fetchPage(address, { resolveHost }))).code).toBe('private_address');
    }
  });

  it('follows redirects between public hosts, relative ones included', async () => {
    nock('http://news.example.com').get('/old').reply(301, '', { location: 'https://cdn.example.com/a' });
    nock('https://cdn.example.com').get('/a').reply(302, '', { location: '/b' }).get('/b').reply(200, 'landed', { 'content-type': 'text/html' });
    const page = await fetchPage('http://news.example.com/old', { resolveHost });
    expect(page.url).toBe('https://cdn.example.com/b');
    expect(page.body.toString()).toBe('landed');
  });

  it('gives up after five redirects', async () => {
    const scope = nock('https://news.example.com');
    for (let i = 0; i < 6; i += 1) scope.get(`/r${i}`).reply(302, '', { location: `/r${i + 1}` });
    expect((await failure(fetchPage('https://news.example.com/r0', { resolveHost }))).code).toBe('too_many_redirects');
  });

  it('refuses addresses that are not http(s), also as a redirect target', async () => {
    for (const address of ['file:///etc/passwd', 'ftp://news.example.com/x', 'gopher://news.example.com/', 'not a url']) {
      expect((await failure(fetchPage(address, { resolveHost }))).code).toBe('bad_url');
    }
    nock('https://news.example.com').get('/to-file').reply(302, '', { location: 'file:///etc/passwd' });
    expect((await failure(fetchPage('https://news.example.com/to-file', { resolveHost }))).code).toBe('bad_url');
  });

  it('times out a server that does not answer', async () => {
    nock('https://news.example.com').get('/slow').delay(2000).reply(200, 'late');
    const started = Date.now();
    const error = await failure(fetchPage('https://news.example.com/slow', { resolveHost, timeoutMs: 200 }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('reports an HTTP error status and an unknown host', async () => {
    nock('https://news.example.com').get('/gone').reply(404, 'not found');
    expect((await failure(fetchPage('https://news.example.com/gone', { resolveHost }))).message).toMatch(/HTTP 404/);
    expect((await failure(fetchPage('https://nowhere.example.com/', { resolveHost }))).code).toBe('dns_failed');
  });

  it('reaches a private address when allowed', async () => {
    nock('http://10.0.0.7').get('/page').reply(200, 'inside', { 'content-type': 'text/html' });
    const page = await fetchPage('http://10.0.0.7/page', { resolveHost, allowPrivate: true });
    expect(page.body.toString()).toBe('inside');
  });
});
