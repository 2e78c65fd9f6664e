/**
 * Timers for pacing streams (coalescing, waiting for a congested socket).
 * Pacing is about the wire, not the domain, so it runs on a monotonic
 * clock rather than the injected Clock; tests hand in a manual one.
 */
export interface Scheduler {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Calls `run` after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
}

export const realScheduler: Scheduler = {
  now: () => performance.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);

    return () => clearTimeout(timer);
  },
};
