import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPermissions } from './permission-diff';

const permission = fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), path: fc.constantFrom('/clients', '/clients/{clientid}', '/publish', '/rules/{id}') });

describe('diffPermissions', () => {
  it('lists what an edit adds and removes, sorted, and nothing kept', () => {
    expect(
      diffPermissions(
        [{ method: 'GET', path: '/clients' }, { method: 'DELETE', path: '/clients/{clientid}' }],
        [{ method: 'GET', path: '/clients' }, { method: 'POST', path: '/publish' }, { method: 'GET', path: '/clients/{clientid}' }],
      ),
    ).toEqual({ added: ['GET /clients/{clientid}', 'POST /publish'], removed: ['DELETE /clients/{clientid}'] });
  });

  it('applying the diff to the old grants gives the new ones (property)', () => {
    fc.assert(
      fc.property(fc.array(permission), fc.array(permission), (before, after) => {
        const { added, removed } = diffPermissions(before, after);
        const key = (p: { method: string; path: string }) => `${p.method} ${p.path}`;
        const result = new Set(before.map(key).filter((k) => !removed.includes(k)).concat(added));
        expect([...result].sort()).toEqual([...new Set(after.map(key))].sort());
        expect(added.filter((k) => removed.includes(k))).toEqual([]);
      }),
    );
  });
});
