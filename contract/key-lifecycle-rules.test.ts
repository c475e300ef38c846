import { describe, expect, it } from 'vitest';
import { isUnused } from './key-lifecycle-rules';

const DAY = 24 * 3_600_000;
const now = Date.parse('2026-11-27T12:00:00Z');
const ago = (days: number) => new Date(now - days * DAY).toISOString();

describe('unused for 30 days', () => {
  it('marks keys not called for 30 days, or never called once 30 days old', () => {
    expect(isUnused({ lastUsedAt: ago(31), createdAt: ago(100) }, now)).toBe(true);
    expect(isUnused({ lastUsedAt: ago(29), createdAt: ago(100) }, now)).toBe(false);
    expect(isUnused({ lastUsedAt: null, createdAt: ago(30) }, now)).toBe(true);
    expect(isUnused({ lastUsedAt: null, createdAt: ago(2) }, now)).toBe(false);
    // An imported legacy key has no creation time: unused until it is called.
    expect(isUnused({ lastUsedAt: null, createdAt: null }, now)).toBe(true);
    // The server asks with the rows' Dates.
    expect(isUnused({ lastUsedAt: new Date(now - 31 * DAY), createdAt: null }, now)).toBe(true);
    expect(isUnused({ lastUsedAt: null, createdAt: new Date(now - DAY) }, now)).toBe(false);
  });
});
