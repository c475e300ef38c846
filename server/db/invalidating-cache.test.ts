import { describe, expect, it } from 'vitest';
import { InvalidatingCache } from './invalidating-cache';

describe('InvalidatingCache', () => {
  const cache = () => new InvalidatingCache<{ appId: string }>({ maxEntries: 2 }, (value, notice) => notice.kind === 'key' && value.appId === notice.id);

  it('drops the entries a notice names', () => {
    const c = cache();
    c.fill('a', { appId: 'A' }, c.begin());
    c.fill('b', { appId: 'B' }, c.begin());
    c.invalidate({ kind: 'key', id: 'A' });
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toEqual({ appId: 'B' });
  });

  it('refuses a fill that started before an invalidation', () => {
    const c = cache();
    const epoch = c.begin();
    c.invalidate({ kind: 'key', id: 'A' });
    c.fill('a', { appId: 'A' }, epoch);
    expect(c.get('a')).toBeUndefined();
  });

  it('stays within its size, dropping the oldest', () => {
    const c = cache();
    for (const id of ['a', 'b', 'c']) c.fill(id, { appId: id }, c.begin());
    expect(c.get('a')).toBeUndefined();
    expect(c.get('c')).toBeDefined();
  });

  it('stays within its weight, dropping the oldest', () => {
    const c = new InvalidatingCache<string>({ maxEntries: 100, maxWeight: 10, weigh: (_key, value) => value.length }, () => false);
    c.fill('a', 'xxxx', c.begin());
    c.fill('b', 'xxxx', c.begin());
    c.fill('c', 'xxxx', c.begin());
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([undefined, 'xxxx', 'xxxx']);
    c.fill('huge', 'x'.repeat(11), c.begin());
    expect(c.get('huge')).toBeUndefined();
    expect(c.size).toBe(2);
    c.fill('b', 'xxxxxx', c.begin());
    expect([c.get('b'), c.get('c'), c.size]).toEqual(['xxxxxx', 'xxxx', 2]);
  });
});
