/** Remembers the last few thousand event ids, to answer an event Slack redelivers only once. */
export interface EventDeduper {
  /** True when `id` was seen before; otherwise remembers it and returns false. */
  isRepeat(id: string): boolean;
}

/** A bounded LRU of event ids: the oldest is forgotten once `capacity` are held. */
export function createEventDeduper(capacity = 5000): EventDeduper {
  const seen = new Set<string>();
  return {
    isRepeat(id) {
      if (seen.has(id)) return true;
      seen.add(id);
      if (seen.size > capacity) {
        const oldest = seen.values().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      return false;
    },
  };
}
