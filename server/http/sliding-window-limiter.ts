/** A limit: at most `max` events per key within any `windowMs`. */
export interface RateWindow {
  max: number;
  windowMs: number;
}

/** Keys one limiter keeps at most: a spray of distinct addresses cannot grow memory past it. */
export const MAX_LIMITER_KEYS = 100_000;

/**
 * Counts events per key (failed sign-ins per email or address, Platform API calls per key) over
 * a sliding window. In memory: each instance limits on its own. Past MAX_LIMITER_KEYS keys, the
 * expired ones go and then, if that is not enough, the keys that began counting longest ago: a
 * flood of fresh keys can only make the limiter forget the oldest of them, never grow without end.
 */
export class SlidingWindowLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly window: RateWindow,
    private readonly now: () => number,
    private readonly maxKeys = MAX_LIMITER_KEYS,
  ) {}

  /** How many keys are counted now (memory bound tests). */
  get size(): number {
    return this.failures.size;
  }

  /** Seconds until another attempt is allowed, or 0 when the key is not limited. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.window.max) return 0;
    const oldest = recent[recent.length - this.window.max]!;
    return Math.max(1, Math.ceil((oldest + this.window.windowMs - this.now()) / 1000));
  }

  /** Counts an event; answers its time, so that a reservation can be released. */
  record(key: string): number {
    const at = this.now();
    const recent = this.recent(key);
    recent.push(at);
    this.failures.set(key, recent);
    if (this.failures.size > this.maxKeys) this.sweep();
    return at;
  }

  /** Takes back one event recorded at `at` (an attempt reserved before it was judged). */
  release(key: string, at: number): void {
    const recent = this.failures.get(key);
    const index = recent?.lastIndexOf(at) ?? -1;
    if (index !== -1) recent!.splice(index, 1);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  /** The times of the events still in the window, oldest first. */
  recent(key: string): number[] {
    const cutoff = this.now() - this.window.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > cutoff);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Bounds memory under a spray of distinct keys. */
  private sweep(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
    // Still full: forget the oldest keys (a Map iterates in insertion order), down to 90%.
    const excess = this.failures.size - Math.floor(this.maxKeys * 0.9);
    if (excess <= 0) return;
    let dropped = 0;
    for (const key of this.failures.keys()) {
      if (dropped++ >= excess) break;
      this.failures.delete(key);
    }
  }
}
