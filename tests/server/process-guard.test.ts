import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installProcessGuard } from '../../src/server/process-guard.js';
import { createCaptureLogger } from '../adapters/teams/capture-logger.js';

describe('installProcessGuard', () => {
  it('logs an uncaught rejection or exception by name and code only, and can be removed', () => {
    const fake = new EventEmitter();
    const { logger, lines } = createCaptureLogger();
    const remove = installProcessGuard(logger, fake as unknown as NodeJS.Process);
    const secret = Object.assign(new TypeError("Cannot read properties of null (reading 'ssl_check') xoxb-secret"), { code: 'E_NULL' });
    fake.emit('unhandledRejection', secret);
    fake.emit('uncaughtException', new RangeError('boom'));
    expect(lines.map((l) => [l.event, (l.err as { name: string }).name])).toEqual([
      ['unhandled_rejection', 'TypeError'],
      ['uncaught_exception', 'RangeError'],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/ssl_check|xoxb|boom/);
    remove();
    expect(fake.listenerCount('unhandledRejection') + fake.listenerCount('uncaughtException')).toBe(0);
  });
});
