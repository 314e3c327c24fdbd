import type { Interpretation } from '../answer/answer-schema.js';

/** Where each conversation's last interpretation is kept; a shared store (Redis, PostgreSQL) can implement the same. */
export interface ConversationStore {
  get(key: string): Promise<Interpretation | null>;
  set(key: string, interpretation: Interpretation): Promise<void>;
}

/** How long a conversation is remembered by default: half an hour after its last question. */
export const DEFAULT_CONVERSATION_TTL_MS = 30 * 60_000;

/**
 * The default store: in memory, each entry forgotten `ttlMs` after it was written, and at most
 * `maxEntries` conversations (the oldest written is dropped first).
 */
export function createMemoryConversationStore(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): ConversationStore {
  const ttlMs = options.ttlMs ?? DEFAULT_CONVERSATION_TTL_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { interpretation: Interpretation; expires: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expires <= now()) {
        entries.delete(key);
        return null;
      }
      return entry.interpretation;
    },
    async set(key, interpretation) {
      entries.delete(key);
      entries.set(key, { interpretation, expires: now() + ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
