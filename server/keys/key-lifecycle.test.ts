import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAddressAllowList, graceRuns, lifecycleColumns, lifecycleStateOf, lifecycleView, previousSecretHashAt, refusalOf, rollColumns } from './key-lifecycle';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const row = {
  expiresAt: null,
  disabled: false,
  allowedAddresses: [] as string[],
  previousSecretExpiresAt: null,
  lastUsedAddress: null,
  lastUsedSecret: null,
};

describe('key lifecycle rules', () => {
  it('refuses a disabled key first, then an expired one, then a client outside the allow-list', () => {
    const state = (overrides: Partial<typeof row>) => lifecycleStateOf({ ...row, ...overrides });
    expect(refusalOf(state({}), NOW, '192.0.2.1')).toBeUndefined();
    expect(refusalOf(state({ disabled: true, expiresAt: new Date(NOW - 1) as never }), NOW, '192.0.2.1')).toBe('KEY_DISABLED');
    // Expired at the very millisecond it expires, not one after.
    expect(refusalOf(state({ expiresAt: new Date(NOW) as never }), NOW, '192.0.2.1')).toBe('KEY_EXPIRED');
    expect(refusalOf(state({ expiresAt: new Date(NOW + 1).toISOString() as never }), NOW, '192.0.2.1')).toBeUndefined();
    expect(refusalOf(state({ allowedAddresses: ['10.0.0.0/8'] }), NOW, '192.0.2.1')).toBe('CLIENT_ADDRESS_NOT_ALLOWED');
    expect(refusalOf(state({ allowedAddresses: ['10.0.0.0/8'] }), NOW, '10.1.2.3')).toBeUndefined();
  });

  it('matches addresses and ranges of both families, IPv4-mapped IPv6 as IPv4, and nothing that is not an address', () => {
    const allows = compileAddressAllowList(['10.0.0.0/8', '2001:db8::/32', '192.0.2.7'])!;
    expect(allows('10.255.0.1')).toBe(true);
    expect(allows('::ffff:10.0.0.1')).toBe(true);
    expect(allows('2001:db8:ffff::1')).toBe(true);
    expect(allows('192.0.2.7')).toBe(true);
    expect(allows('192.0.2.8')).toBe(false);
    expect(allows('2001:db9::1')).toBe(false);
    expect(allows('not-an-address')).toBe(false);
    expect(compileAddressAllowList([])).toBeUndefined();
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(compileAddressAllowList([address])!(address)).toBe(true);
        expect(compileAddressAllowList(['0.0.0.0/0'])!(address)).toBe(true);
      }),
    );
  });

  it('keeps the replaced secret only while the grace runs, and a roll during a grace ends it', () => {
    const rolled = rollColumns({ secretHash: 'old' }, 'new', 3_600, NOW);
    expect(rolled).toEqual({ secretHash: 'new', previousSecretHash: 'old', previousSecretExpiresAt: new Date(NOW + 3_600_000) });
    expect(rollColumns({ secretHash: 'old' }, 'new', 0, NOW)).toEqual({ secretHash: 'new', previousSecretHash: null, previousSecretExpiresAt: null });
    const during = { ...row, ...rolled };
    expect(graceRuns(during, NOW + 3_599_999)).toBe(true);
    expect(graceRuns(during, NOW + 3_600_000)).toBe(false);
    expect(previousSecretHashAt(during, NOW)).toBe('old');
    expect(previousSecretHashAt(during, NOW + 3_600_000)).toBeUndefined();
    // A second roll replaces the pair: the first replaced secret is gone.
    expect(rollColumns({ secretHash: 'new' }, 'newer', 60, NOW).previousSecretHash).toBe('new');
  });

  it('shows the grace only while it runs, and only known last-used secrets', () => {
    const during = { ...row, previousSecretExpiresAt: new Date(NOW + 1000), lastUsedSecret: 'previous' };
    expect(lifecycleView(during, NOW)).toMatchObject({ previousSecretValidUntil: new Date(NOW + 1000).toISOString(), lastUsedSecret: 'previous' });
    expect(lifecycleView(during, NOW + 1000).previousSecretValidUntil).toBeNull();
    expect(lifecycleView({ ...row, lastUsedSecret: 'something else' }, NOW).lastUsedSecret).toBeNull();
  });

  it('writes only the lifecycle fields a change names', () => {
    expect(lifecycleColumns({}, undefined)).toEqual({});
    expect(lifecycleColumns({ disabled: false }, null)).toEqual({ disabled: false, expiresAt: null });
    expect(lifecycleColumns({ endGrace: true, allowedAddresses: [] }, undefined)).toEqual({ allowedAddresses: [], previousSecretHash: null, previousSecretExpiresAt: null });
  });
});
