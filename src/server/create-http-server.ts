import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logging.js';
import type { Metrics, RequestOutcome } from './create-metrics.js';
import { hasBearerToken } from './metrics-token.js';
import type { Route } from './route.js';
import type { WorkTracker } from './work-tracker.js';

/**
 * What `GET /healthz` (liveness: 200 unless `failed`) and `GET /readyz` (readiness: 200 only when
 * `ready`) report.
 */
export interface Health {
  /** `draining`: shutting down, finishing the requests in flight; a load balancer should stop sending. */
  status: 'starting' | 'ready' | 'failed' | 'draining';
  /** Which chat platforms are on, e.g. `{ slack: true, teams: false }`. */
  platforms: Record<string, boolean>;
}

/** The shared server's parts: the adapters' routes, the health report and the logger. */
export interface HttpServerOptions {
  /** The routes, or a function giving them now (platforms set up after the server listens add theirs). */
  routes: Route[] | (() => readonly Route[]);
  health(): Health;
  logger: Logger;
  /** Counts each request (but health checks) until its response is finished or its connection closed. */
  work?: WorkTracker;
  /** Counts every request by platform and outcome, and serves `GET /metrics`. */
  metrics?: Metrics;
  /** When set, `GET /metrics` answers 401 unless the request has `Authorization: Bearer <this>`. */
  metricsToken?: string | null;
}

/** The path of the liveness check. */
export const HEALTH_PATH = '/healthz';
/** The path of the readiness check. */
export const READY_PATH = '/readyz';
/** The path of the Prometheus metrics. */
export const METRICS_PATH = '/metrics';

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

function outcomeOf(res: ServerResponse): RequestOutcome {
  if (!res.writableFinished) return 'aborted';
  const status = res.statusCode;
  return status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx';
}

/**
 * One node HTTP server for every platform: `GET /healthz`, `GET /readyz`, `GET /metrics` (when
 * given metrics) plus the routes the adapters register (exact method and path). Anything else is
 * 404 (405 for a known path with another method; 503 while starting, before every route is there).
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const fixed = Array.isArray(options.routes) ? [...options.routes] : null;
  const routesNow = (): readonly Route[] => fixed ?? (options.routes as () => readonly Route[])();
  const logger = options.logger.child({ component: 'http' });
  const own = new Set([HEALTH_PATH, READY_PATH, ...(options.metrics ? [METRICS_PATH] : [])]);
  return createServer((req, res) => {
    const path = pathOf(req);
    const method = req.method ?? 'GET';
    const health = options.health();
    const routes = routesNow();
    const matches = (r: Route) => r.path === path || (r.prefix === true && path.startsWith(r.path));
    const route = routes.find((r) => matches(r) && r.method === method);
    const metrics = options.metrics;
    if (metrics) {
      const platform = route?.platform ?? (path === HEALTH_PATH || path === READY_PATH ? 'health' : path === METRICS_PATH ? 'metrics' : 'none');
      res.once('close', () => metrics.recordRequest(platform, outcomeOf(res)));
    }
    // While draining, every answer closes its connection, so keep-alive clients move elsewhere.
    if (health.status === 'draining') res.setHeader('connection', 'close');
    const isRead = method === 'GET' || method === 'HEAD';
    if (path === HEALTH_PATH && isRead) {
      sendJson(res, health.status === 'failed' ? 503 : 200, health);
      return;
    }
    if (path === READY_PATH && isRead) {
      sendJson(res, health.status === 'ready' ? 200 : 503, health);
      return;
    }
    if (path === METRICS_PATH && isRead && metrics) {
      if (options.metricsToken && !hasBearerToken(req, options.metricsToken)) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        sendJson(res, 401, { error: 'metrics need Authorization: Bearer <BRIEFBOT_METRICS_TOKEN>' });
        return;
      }
      metrics.render().then(
        ({ contentType, body }) => {
          res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
        () => sendJson(res, 500, { error: 'internal error' }),
      );
      return;
    }
    if (route === undefined) {
      const known = routes.some(matches) || own.has(path);
      if (!known && health.status === 'starting') {
        res.setHeader('retry-after', '1');
        sendJson(res, 503, { error: 'starting: try again in a moment' });
        return;
      }
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
