import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientNetworkOf } from './client-network';

describe('clientNetworkOf', () => {
  it('counts an IPv4 client by its address, however it is spelled', () => {
    expect(clientNetworkOf('192.0.2.7', 64)).toBe('192.0.2.7');
    expect(clientNetworkOf('::ffff:192.0.2.7', 64)).toBe('192.0.2.7');
    expect(clientNetworkOf('::ffff:c000:0207', 64)).toBe('192.0.2.7');
  });

  it('counts every address of one IPv6 /64 as one client, and other /64s apart', () => {
    expect(clientNetworkOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd', 64)).toBe('2001:db8:1:2::/64');
    expect(clientNetworkOf('2001:0DB8:0001:0002::1', 64)).toBe('2001:db8:1:2::/64');
    expect(clientNetworkOf('2001:db8:1:3::1', 64)).toBe('2001:db8:1:3::/64');
    expect(clientNetworkOf('2001:db8:1:2:ffff::1', 48)).toBe('2001:db8:1::/48');
    expect(clientNetworkOf('2001:db8::1', 128)).toBe('2001:db8::1/128');
  });

  it('gives every interface id of a /64 the same key (property)', () => {
    const word = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.array(word, { minLength: 4, maxLength: 4 }), fc.array(word, { minLength: 4, maxLength: 4 }), (host1, host2) => {
        const prefix = '2001:db8:ab:cd';
        expect(clientNetworkOf(`${prefix}:${host1.join(':')}`, 64)).toBe(clientNetworkOf(`${prefix}:${host2.join(':')}`, 64));
      }),
    );
  });

  it('leaves what is not an address as it is', () => {
    expect(clientNetworkOf('', 64)).toBe('');
    expect(clientNetworkOf('unknown', 64)).toBe('unknown');
  });
});
