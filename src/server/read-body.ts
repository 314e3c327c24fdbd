import type { IncomingMessage } from 'node:http';

/** A request body read whole, or the reason it was refused: larger than the cap (413) or broken off (400). */
export type RawBody = { ok: true; bytes: Buffer } | { ok: false; status: 400 | 413; message: string };

/**
 * Reads a request body up to `maxBytes`. A declared length over the cap is refused before a byte
 * is read; a body that grows past it is refused as soon as it does (the rest is drained unread).
 */
export function readRawBody(req: IncomingMessage, maxBytes: number): Promise<RawBody> {
  const tooLarge: RawBody = { ok: false, status: 413, message: `request body is larger than ${maxBytes} bytes` };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.resolve(tooLarge);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: RawBody) => {
      if (done) return;
      done = true;
      resolve(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish({ ok: false, status: 400, message: 'request body was not received whole' }));
    req.on('aborted', () => finish({ ok: false, status: 400, message: 'request body was not received whole' }));
    req.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks) }));
  });
}
