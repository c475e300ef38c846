import { describe, expect, it } from 'vitest';
import { createLastUsedTracker } from './last-used-tracker';

describe('last-used tracker', () => {
  it('writes the first use and then at most once a minute per key', () => {
    let now = 0;
    const writes: string[] = [];
    const tracker = createLastUsedTracker({ now: () => now, write: async (id, at) => void writes.push(`${id}@${at.getTime()}`), onError: () => undefined });
    tracker.touch('a');
    now = 30_000;
    tracker.touch('a');
    tracker.touch('b');
    now = 60_000;
    tracker.touch('a');
    expect(writes).toEqual(['a@0', 'b@30000', 'a@60000']);
  });
});
