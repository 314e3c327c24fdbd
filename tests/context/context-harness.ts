import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServe, type RunningServer } from '../../adapters/serve.js';
import { createQuoteLinks, createSilentLogger, type QuoteLinks } from '../../src/index.js';

export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');
export const LINK_SECRET = 'context-test-secret-0123456789';
export const PUBLIC_URL = 'https://briefbot.example';
export const SENATES_ID = '2011-06-20-nhs-alliance-clinically-led-commissioning#1331';
export const SENATES = 'Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.';

/** `briefbot serve` with signed links on (no chat platform), and links made as the server makes them at `now`. */
export async function startContextServer(now = () => new Date()): Promise<{ server: RunningServer; links: QuoteLinks; local(link: string): string }> {
  const server = await startServe({
    corpusDir: CORPUS,
    port: 0,
    host: '127.0.0.1',
    env: { BRIEFBOT_LINK_SECRET: LINK_SECRET, BRIEFBOT_PUBLIC_URL: PUBLIC_URL },
    logger: createSilentLogger(),
    now,
  });
  await server.ready;
  const links = createQuoteLinks({ secret: LINK_SECRET, publicUrl: PUBLIC_URL, ttlMs: 30 * 86_400_000, now });
  return { server, links, local: (link) => link.replace(PUBLIC_URL, `http://127.0.0.1:${server.port}`) };
}
