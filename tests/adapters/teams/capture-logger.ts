import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../../src/index.js';

/** A pino logger at debug level whose JSON lines are kept in `lines`, for asserting what gets logged. */
export function createCaptureLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}
