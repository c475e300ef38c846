import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyAttributesChange, keyAttributesOf, NEW_KEY_ATTRIBUTES, newKeyAttributes, sentKeyAttributes } from './key-attributes';

const labels = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxKeys: 4 });

describe('key attributes, the same for both key kinds', () => {
  it('gives a new key what its request sent and the defaults for the rest', () => {
    expect(newKeyAttributes({})).toEqual(NEW_KEY_ATTRIBUTES);
    expect(newKeyAttributes({ labels: { team: 'payments' } })).toEqual({ labels: { team: 'payments' } });
  });

  it('keeps what an edit leaves out, and picks only attributes from a stored key', () => {
    expect(sentKeyAttributes({ labels: undefined })).toEqual({});
    expect(keyAttributesOf({ labels: { env: 'prod' }, note: 'x', appId: 'a' } as never)).toEqual({ labels: { env: 'prod' } });
  });

  it('records a change only when an attribute differs, labels as sorted entries (property)', () => {
    expect(keyAttributesChange({ labels: { a: '1' } }, {})).toEqual({});
    expect(keyAttributesChange({ labels: { b: '2', a: '1' } }, { labels: { a: '1', b: '2' } })).toEqual({});
    expect(keyAttributesChange({ labels: { a: '1' } }, { labels: { b: '2', a: '3' } })).toEqual({ labels: { from: ['a=1'], to: ['a=3', 'b=2'] } });
    fc.assert(
      fc.property(labels, labels, (before, after) => {
        const change = keyAttributesChange({ labels: before }, { labels: after });
        const same = JSON.stringify(Object.entries(before).sort()) === JSON.stringify(Object.entries(after).sort());
        expect('labels' in change).toBe(!same);
      }),
    );
  });
});
