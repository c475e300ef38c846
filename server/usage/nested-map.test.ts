import { describe, expect, it } from 'vitest';
import { NestedMap } from './nested-map';

describe('NestedMap', () => {
  it('finds a value only under all of its parts, and counts each key once', () => {
    const map = new NestedMap<[number, string, string], string>(3);
    map.set([1, 'a', 'x'], 'first');
    map.set([1, 'a', 'y'], 'second');
    map.set([2, 'a', 'x'], 'third');
    map.set([1, 'a', 'x'], 'first again');
    expect(map.get([1, 'a', 'x'])).toBe('first again');
    expect(map.get([2, 'a', 'x'])).toBe('third');
    expect(map.get([1, 'b', 'x'])).toBeUndefined();
    expect(map.get([3, 'a', 'x'])).toBeUndefined();
    expect(map.size).toBe(3);
    expect([...map.values()].sort()).toEqual(['first again', 'second', 'third']);
  });

  it('keeps parts apart that a joined string would run together', () => {
    const map = new NestedMap<[string, string], number>(2);
    map.set(['a\u0000b', 'c'], 1);
    map.set(['a', 'b\u0000c'], 2);
    expect(map.size).toBe(2);
    expect(map.get(['a\u0000b', 'c'])).toBe(1);
  });
});
