import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request body read as a JSON object, or the HTTP status that refuses it. */
export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 413; message: string };

/** Activities are small; Teams caps messages near 28 KB. Anything far larger is refused unread. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Reads `req`'s body as a JSON object, refusing bodies over `maxBytes` (413) and anything but an object (400). */
export function readJsonBody(req: IncomingMessage, maxBytes: number = MAX_BODY_BYTES): Promise<JsonBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.resolve(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        chunks.length = 0;
        resolve(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (refused) return;
      resolve(parseObject(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

function tooLarge(maxBytes: number): JsonBody {
  return { ok: false, status: 413, message: `request body is larger than ${maxBytes} bytes` };
}

function parseObject(text: string): JsonBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: 'request body is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, status: 400, message: 'request body must be a JSON object (an activity)' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Ends `res` with `status` and a short JSON error. */
export function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.end();
    return;
  }
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * The express-like response botbuilder's `CloudAdapter.process` writes to (`status`, `header`,
 * `send`, `end`), over node's ServerResponse. Bodies of 5xx answers are dropped: they carry
 * exception messages, which stay in our logs.
 */
export function createResponseShim(res: ServerResponse) {
  const shim = {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
      return shim;
    },
    header(name: string, value: unknown) {
      if (!res.headersSent) res.setHeader(name, String(value));
      return shim;
    },
    send(body?: unknown) {
      if (res.writableEnded || body === undefined || body === null || res.statusCode >= 500) return shim;
      const isText = typeof body === 'string' || Buffer.isBuffer(body);
      if (!res.headersSent && !res.hasHeader('content-type')) {
        res.setHeader('content-type', isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
      }
      res.write(isText ? body : JSON.stringify(body));
      return shim;
    },
    end() {
      if (!res.writableEnded) res.end();
      return shim;
    },
  };
  return shim;
}
