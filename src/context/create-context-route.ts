import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Briefbot } from '../answer/answer-schema.js';
import type { Logger } from '../logging.js';
import type { Route } from '../server/route.js';
import { QUOTES_PATH, type QuoteLinks } from './quote-links.js';
import { renderContextPage, renderLinkProblemPage } from './render-context-page.js';

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'private, no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

function readId(path: string): string | null {
  try {
    const id = decodeURIComponent(path.slice(QUOTES_PATH.length));
    return id.length > 0 && id.length <= 500 ? id : null;
  } catch {
    return null;
  }
}

/**
 * `GET /quotes/<statement id>?exp=…&sig=…[&full=1]`: the quote in its article. The signature is
 * checked before anything is looked up, so an expired or forged link shows a page saying so
 * (403 or 410), never the article.
 */
export function createContextRoute(options: { briefbot: Briefbot; links: QuoteLinks; logger: Logger }): Route {
  const { briefbot, links, logger } = options;
  return {
    method: 'GET',
    platform: 'context',
    path: QUOTES_PATH,
    prefix: true,
    async handle(req: IncomingMessage, res: ServerResponse) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const id = readId(url.pathname);
      const check = id === null ? ({ kind: 'forged' } as const) : links.verify(id, url.searchParams.get('exp'), url.searchParams.get('sig'));
      if (check.kind !== 'valid' || id === null) {
        logger.info({ event: 'context_link_refused', reason: check.kind }, 'context link refused');
        send(res, check.kind === 'expired' ? 410 : 403, renderLinkProblemPage(check.kind === 'expired' ? 'expired' : 'forged'));
        return;
      }
      const context = briefbot.quote ? await briefbot.quote(id) : null;
      if (context === null) {
        send(res, 404, renderLinkProblemPage('missing'));
        return;
      }
      const signed = `${url.pathname}?exp=${url.searchParams.get('exp')}&sig=${url.searchParams.get('sig')}`;
      const full = url.searchParams.get('full') === '1';
      send(res, 200, renderContextPage(context, { full, fullHref: `${signed}&full=1`, shortHref: signed }));
      logger.info({ event: 'context_page', full }, 'context page served');
    },
  };
}
