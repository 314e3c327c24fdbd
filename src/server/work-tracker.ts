/**
 * Counts work in flight (HTTP requests, chat answers still being delivered after Slack's ack), so
 * a shutdown can wait for it: `idle()` resolves when nothing is in flight.
 */
export interface WorkTracker {
  /** Marks one piece of work begun; call the returned function once when it ends. */
  begin(): () => void;
  readonly active: number;
  idle(): Promise<void>;
}

export function createWorkTracker(): WorkTracker {
  let active = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    if (active > 0) return;
    const now = waiters;
    waiters = [];
    for (const resolve of now) resolve();
  };
  return {
    begin() {
      active++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        active--;
        settle();
      };
    },
    get active() {
      return active;
    },
    idle() {
      return active === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
