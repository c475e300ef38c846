import ipaddr from 'ipaddr.js';

/** The IPv6 prefix a client is limited by unless the operator says otherwise (KEYWARD_IPV6_LIMIT_PREFIX). */
export const DEFAULT_IPV6_LIMIT_PREFIX = 64;

/**
 * The network a per-address limit counts a client under. An IPv4 address is one client; an IPv6
 * host is normally handed a whole /64 (SLAAC, privacy addresses), so counting each of its 2^64
 * spellings apart would let it try without end. IPv4-mapped IPv6 (`::ffff:192.0.2.1`) counts as
 * the IPv4 address it carries, and anything that is not an address is counted as it is.
 */
export function clientNetworkOf(address: string, ipv6Prefix: number): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const bytes = parsed.toByteArray();
  for (let bit = ipv6Prefix; bit < 128; bit++) bytes[bit >> 3]! &= ~(0x80 >> (bit & 7));
  return `${ipaddr.fromByteArray(bytes).toString()}/${ipv6Prefix}`;
}
