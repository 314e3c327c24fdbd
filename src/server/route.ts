import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP route an adapter adds to the shared server. */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** When true, `path` is a prefix: the route answers every path under it (e.g. `/quotes/<id>`). */
  prefix?: boolean;
  /** Who the route serves (`slack`, `teams`, `context`), the `platform` label of `briefbot_requests_total`. */
  platform?: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}
