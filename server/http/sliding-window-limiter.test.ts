import { describe, expect, it } from 'vitest';
import { MAX_LIMITER_KEYS, SlidingWindowLimiter } from './sliding-window-limiter';

describe('SlidingWindowLimiter', () => {
  it('limits a key after max failures within the window, then frees it as they age out', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter({ max: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('a')).toBe(0);
      limiter.record('a');
      now += 10_000;
    }
    // Failures at 0, 10 s and 20 s; now is 30 s: the first ages out at 60 s.
    expect(limiter.retryAfterSeconds('a')).toBe(30);
    expect(limiter.retryAfterSeconds('b')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfterSeconds('a')).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new SlidingWindowLimiter({ max: 1, windowMs: 60_000 }, () => 0);
    limiter.record('a');
    expect(limiter.retryAfterSeconds('a')).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.retryAfterSeconds('a')).toBe(0);
  });

  it('keeps at most MAX_LIMITER_KEYS keys under a flood of fresh ones, and still counts the newest', () => {
    const limiter = new SlidingWindowLimiter({ max: 2, windowMs: 15 * 60_000 }, () => 1_000);
    for (let i = 0; i < 2.5 * MAX_LIMITER_KEYS; i++) limiter.record(`198.18.${i >> 8}.${i & 255}-${i}`);
    expect(limiter.size).toBeLessThanOrEqual(MAX_LIMITER_KEYS);
    limiter.record('newest');
    limiter.record('newest');
    expect(limiter.retryAfterSeconds('newest')).toBeGreaterThan(0);
  });
});
