import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

function joinMessage(parts: unknown[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? `${p.name}: ${p.message}` : JSON.stringify(p))).join(' ');
}

/**
 * Bolt's logger interface on top of our pino logger, so Bolt and the Web API client log as JSON
 * with `platform: "slack"`. The level stays the one pino was given (Bolt's `setLevel` is noted only).
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ platform: 'slack', component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => log.debug(joinMessage(msg)),
    info: (...msg: unknown[]) => log.info(joinMessage(msg)),
    warn: (...msg: unknown[]) => log.warn(joinMessage(msg)),
    error: (...msg: unknown[]) => log.error(joinMessage(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
