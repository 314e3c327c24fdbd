import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../../logging.js';
import { CORPUS_CHANNEL } from './write-corpus.js';

/** A subscription to a tenant's corpus changes; `close` stops listening. */
export interface ChangeListener {
  close(): Promise<void>;
}

/**
 * LISTENs on the corpus channel with a connection of its own and calls `onChange` when another
 * process changed this tenant's corpus. A lost connection is logged and made again (with a pause
 * that grows to 30 s); after a reconnect `onChange` runs once, since a notice may have been missed.
 */
export function listenForChanges(pool: Pool, tenant: string, onChange: () => void, logger?: Logger): ChangeListener {
  let client: PoolClient | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let pause = 500;
  let connectedBefore = false;

  const connect = async () => {
    if (closed) return;
    try {
      const next = await pool.connect();
      if (closed) return next.release();
      next.on('notification', (message) => {
        if (message.channel === CORPUS_CHANNEL && message.payload === tenant) onChange();
      });
      next.on('error', (error) => lost(next, error));
      await next.query(`LISTEN ${CORPUS_CHANNEL}`);
      client = next;
      pause = 500;
      logger?.info({ event: 'corpus_listening', tenant }, 'listening for corpus changes');
      if (connectedBefore) onChange();
      connectedBefore = true;
    } catch (error) {
      lost(null, error as Error);
    }
  };

  const lost = (which: PoolClient | null, error: Error) => {
    if (which && which !== client) return;
    if (which) which.release(error);
    client = null;
    if (closed) return;
    logger?.error({ event: 'corpus_listen_lost', tenant, err: { code: (error as { code?: string }).code, message: error.message }, retryMs: pause }, 'lost the corpus change listener; reconnecting');
    timer = setTimeout(() => void connect(), pause);
    pause = Math.min(pause * 2, 30_000);
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const held = client;
      client = null;
      if (held) {
        await held.query(`UNLISTEN ${CORPUS_CHANNEL}`).catch(() => undefined);
        held.release();
      }
    },
  };
}
