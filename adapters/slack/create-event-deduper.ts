import type { SeenEvents } from '../../src/index.js';

/** Answers each Slack event once: `team:event_id` offered to the store of seen events. */
export interface EventDeduper {
  /** True when the event was seen before (by this process, or any replica sharing the store). */
  isRepeat(key: string): boolean | Promise<boolean>;
}

/** A bounded LRU of event keys in this process: the oldest is forgotten once `capacity` are held. */
export function createEventDeduper(capacity = 5000): EventDeduper {
  const seen = new Set<string>();
  return {
    isRepeat(key) {
      if (seen.has(key)) return true;
      seen.add(key);
      if (seen.size > capacity) {
        const oldest = seen.values().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      return false;
    },
  };
}

/** A deduper over a shared store of seen events (PostgreSQL), for several replicas. */
export function createSharedEventDeduper(seen: SeenEvents): EventDeduper {
  return { isRepeat: async (key) => !(await seen.firstTime(key)) };
}
