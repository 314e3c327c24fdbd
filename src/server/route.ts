import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP route an adapter adds to the shared server. */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}
