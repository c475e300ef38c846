import { describe, expect, it } from 'vitest';
import { createLastUsedTracker, type KeyUse } from './last-used-tracker';

describe('last-used tracker', () => {
  const use: KeyUse = { address: '10.0.0.1', secret: 'current' };

  it('writes the first use and then at most once a minute per key', () => {
    let now = 0;
    const writes: string[] = [];
    const tracker = createLastUsedTracker({ now: () => now, write: async (id, at) => void writes.push(`${id}@${at.getTime()}`), onError: () => undefined });
    tracker.touch('a', use);
    now = 30_000;
    tracker.touch('a', use);
    tracker.touch('b', use);
    now = 60_000;
    tracker.touch('a', use);
    expect(writes).toEqual(['a@0', 'b@30000', 'a@60000']);
  });

  it('writes at once when the client address or the secret changes', () => {
    let now = 0;
    const writes: string[] = [];
    const tracker = createLastUsedTracker({ now: () => now, write: async (_id, at, seen) => void writes.push(`${at.getTime()} ${seen.address} ${seen.secret}`), onError: () => undefined });
    tracker.touch('a', use);
    now = 1_000;
    tracker.touch('a', { ...use, secret: 'previous' });
    now = 2_000;
    tracker.touch('a', { ...use, address: '10.0.0.2', secret: 'previous' });
    tracker.touch('a', { ...use, address: '10.0.0.2', secret: 'previous' });
    expect(writes).toEqual(['0 10.0.0.1 current', '1000 10.0.0.1 previous', '2000 10.0.0.2 previous']);
  });
});
