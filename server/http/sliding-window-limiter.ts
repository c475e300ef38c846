import type { RateWindow } from '../config';

/**
 * Counts events per key (failed sign-ins per email or address, Platform API calls per key) over
 * a sliding window. In memory: each instance limits on its own.
 */
export class SlidingWindowLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly window: RateWindow,
    private readonly now: () => number,
  ) {}

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
    if (this.failures.size > 100_000) this.sweep();
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
  }
}
