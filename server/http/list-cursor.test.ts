import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, isTimestampText } from './list-cursor';

const accept = (fields: Record<string, unknown>) => (isTimestampText(fields.at) && typeof fields.id === 'string' ? { at: fields.at, id: fields.id } : undefined);

describe('list cursors', () => {
  it('read back what they were made from', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.uuid(), (at, id) => {
        const cursor = { at: at.toISOString(), id };
        expect(decodeCursor(encodeCursor(cursor), accept)).toEqual(cursor);
      }),
    );
    expect(decodeCursor(undefined, accept)).toBeUndefined();
    expect(decodeCursor('', accept)).toBeUndefined();
  });

  it('refuse anything the list did not give out with a 400 naming `after`', () => {
    for (const text of ['not base64 json', encodeCursor({ at: 'yesterday', id: 'x' }), encodeCursor({ id: 'x' }), Buffer.from('[1,2]').toString('base64url'), Buffer.from('null').toString('base64url')]) {
      expect(() => decodeCursor(text, accept), text).toThrow(expect.objectContaining({ statusCode: 400, code: 'BAD_REQUEST', details: [{ path: 'after', message: expect.any(String) }] }));
    }
  });

  it("take PostgreSQL's timestamp text to the microsecond, and nothing else", () => {
    expect(isTimestampText('2026-12-06 12:00:00.123456+00')).toBe(true);
    expect(isTimestampText('2026-12-06T12:00:00Z')).toBe(true);
    expect(isTimestampText('2026-13-45T12:00:00Z')).toBe(false);
    expect(isTimestampText('2026-12-06')).toBe(false);
    expect(isTimestampText(1765022400000)).toBe(false);
  });
});
