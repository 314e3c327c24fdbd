import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logging.js';
import type { Route } from './route.js';
import type { WorkTracker } from './work-tracker.js';

/** What `GET /healthz` reports: `ready` (200) once questions can be answered, else 503. */
export interface Health {
  /** `draining`: shutting down, finishing the requests in flight; a load balancer should stop sending. */
  status: 'starting' | 'ready' | 'failed' | 'draining';
  /** Which chat platforms are on, e.g. `{ slack: true, teams: false }`. */
  platforms: Record<string, boolean>;
}

/** The shared server's parts: the adapters' routes, the health report and the logger. */
export interface HttpServerOptions {
  routes: Route[];
  health(): Health;
  logger: Logger;
  /** Counts each request (but health checks) until its response is finished or its connection closed. */
  work?: WorkTracker;
}

/** The path of the health check. */
export const HEALTH_PATH = '/healthz';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * One node HTTP server for every platform: `GET /healthz` plus the routes the adapters register
 * (exact method and path). Anything else is 404 (405 for a known path with another method).
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const routes = [...options.routes];
  const logger = options.logger.child({ component: 'http' });
  return createServer((req, res) => {
    const path = pathOf(req);
    const method = req.method ?? 'GET';
    const health = options.health();
    // While draining, every answer closes its connection, so keep-alive clients move elsewhere.
    if (health.status === 'draining') res.setHeader('connection', 'close');
    if (path === HEALTH_PATH && (method === 'GET' || method === 'HEAD')) {
      sendJson(res, health.status === 'ready' ? 200 : 503, health);
      return;
    }
    const matches = (r: Route) => r.path === path || (r.prefix === true && path.startsWith(r.path));
    const route = routes.find((r) => matches(r) && r.method === method);
    if (route === undefined) {
      const known = routes.some(matches) || path === HEALTH_PATH;
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    if (options.work) res.once('close', options.work.begin());
    const fail = (error: unknown) => {
      logger.error({ event: 'route_failed', path, err: { name: (error as Error)?.name, code: (error as { code?: unknown })?.code } }, 'route failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    };
    try {
      Promise.resolve(route.handle(req, res)).catch(fail);
    } catch (error) {
      fail(error);
    }
  });
}
