import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateKeyId } from './key-format';
import { KnownIdFilter } from './known-id-filter';

describe('the known-id filter', () => {
  it('never says no to an id it was given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 64 }), { maxLength: 500 }), (ids) => {
        const filter = new KnownIdFilter(ids.length);
        for (const id of ids) filter.add(id);
        expect(ids.filter((id) => !filter.mayContain(id))).toEqual([]);
        expect(filter.count).toBe(ids.length);
      }),
    );
  });

  it('says maybe to about 1% of ids never given, at capacity', () => {
    const filter = new KnownIdFilter(50_000);
    for (let index = 0; index < 50_000; index++) filter.add(generateKeyId('deployment'));
    let maybes = 0;
    for (let index = 0; index < 50_000; index++) if (filter.mayContain(generateKeyId('deployment'))) maybes++;
    expect(maybes / 50_000).toBeLessThan(0.02);
  });
});
