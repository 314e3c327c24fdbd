import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolvePort } from '../../../src/cli/commands/serve.js';
import { main } from '../../../src/cli/main.js';
import { BUNDLED_CORPUS, waitFor } from './slack-harness.js';

beforeAll(() => {
  process.env.BRIEFBOT_LOG_LEVEL = 'silent';
});
afterAll(() => {
  delete process.env.BRIEFBOT_LOG_LEVEL;
});

describe('resolvePort', () => {
  it('takes --port, then PORT, then 3000', () => {
    expect(resolvePort('8080', { PORT: '9000' })).toBe(8080);
    expect(resolvePort(undefined, { PORT: '9000' })).toBe(9000);
    expect(resolvePort(undefined, {})).toBe(3000);
  });
  it('refuses what is not a port', () => {
    expect(resolvePort('http', {})).toBeNull();
    expect(resolvePort('70000', {})).toBeNull();
    expect(resolvePort('-1', {})).toBeNull();
  });
});

describe('briefbot serve', () => {
  it('exits with 2 and says why on a bad --port', async () => {
    const err: string[] = [];
    const code = await main(['node', 'briefbot', 'serve', '--port', 'eighty'], { out: () => undefined, err: (s) => err.push(s), env: {} });
    expect(code).toBe(2);
    expect(err).toEqual(['briefbot: --port (or PORT) must be a number from 0 to 65535']);
  });

  it('serves /healthz without any platform configured and stops cleanly on SIGTERM', async () => {
    const err: string[] = [];
    const exit = main(['node', 'briefbot', 'serve', '--port', '0', '--corpus', BUNDLED_CORPUS], { out: () => undefined, err: (s) => err.push(s), env: {} });
    await waitFor(() => err.some((line) => line.includes('listening on')), 10_000, 'the server to listen');
    const port = Number(/localhost:(\d+)/.exec(err.join('\n'))?.[1]);
    let status = 0;
    for (let i = 0; i < 300 && status !== 200; i += 1) {
      status = (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(200);
    process.emit('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('stops at once on a second signal while the first is still draining a request in flight', async () => {
    const err: string[] = [];
    const exit = main(['node', 'briefbot', 'serve', '--port', '0', '--host', '127.0.0.1', '--corpus', BUNDLED_CORPUS], { out: () => undefined, err: (s) => err.push(s), env: { BRIEFBOT_SHUTDOWN_SECONDS: '30', TEAMS_ALLOW_UNAUTHENTICATED: 'true' } });
    await waitFor(() => err.some((line) => line.includes('listening on')), 10_000, 'the server to listen');
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(err.join('\n'))?.[1]);
    // The Teams route (unauthenticated: loopback only) exists once the platforms are set up.
    for (let i = 0; i < 300 && (await fetch(`http://127.0.0.1:${port}/readyz`)).status !== 200; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    // A request whose body never finishes arriving: the drain would wait for it up to the 30 s deadline.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":"message",');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const exits: unknown[] = [];
    const spy = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => void exits.push(code)) as never);
    try {
      process.emit('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(exits).toEqual([]);
      const began = Date.now();
      process.emit('SIGINT');
      expect(exits).toEqual([130]);
      expect(Date.now() - began).toBeLessThan(1000);
    } finally {
      spy.mockRestore();
      socket.destroy();
    }
    // (process.exit was stubbed: the drain ends once the half request is gone.)
    expect(await exit).toBe(0);
  }, 30_000);
});
