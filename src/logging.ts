import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stderr. Tokens and secrets are redacted wherever they appear by name. */
export function createLogger(level: string = process.env.BRIEFBOT_LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { app: 'briefbot' },
      redact: {
        paths: ['token', 'botToken', 'appToken', 'signingSecret', 'password', 'appPassword', 'authorization', 'headers.authorization', '*.token', '*.authorization'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

/** A logger that writes nothing, for tests and quiet commands. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
