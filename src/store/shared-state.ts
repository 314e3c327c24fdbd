/**
 * State that several `briefbot serve` replicas share: which chat events were handled already.
 * In memory for one process; in PostgreSQL (`src/store/postgres/pg-seen-events.ts`) for several.
 */
export interface SeenEvents {
  /** True the first time `key` is offered within its time to live; false for a repeat. */
  firstTime(key: string): Promise<boolean>;
}

/** What the chat adapters share between replicas, when a shared store is configured. */
export interface SharedState {
  seenEvents: SeenEvents;
  /** A key-value store of chat installations (Slack workspaces installed through OAuth). */
  installations: InstallationRecords;
}

/** Installations as opaque JSON records by key (the adapter decides the keys and the shape). */
export interface InstallationRecords {
  put(key: string, record: unknown): Promise<void>;
  get(key: string): Promise<unknown | null>;
  delete(key: string): Promise<void>;
}
