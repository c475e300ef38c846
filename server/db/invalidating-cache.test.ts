import { describe, expect, it } from 'vitest';
import { InvalidatingCache } from './invalidating-cache';

describe('InvalidatingCache', () => {
  const cache = () => new InvalidatingCache<{ appId: string }>(2, (value, notice) => notice.kind === 'key' && value.appId === notice.id);

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
});
