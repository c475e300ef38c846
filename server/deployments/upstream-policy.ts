import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ERROR_CODES } from '../../contract/errors';

/**
 * Where the gateway may connect: the operator's bound on server-side requests. An upstream URL
 * is chosen by console users, and the gateway connects to it from inside the operator's network
 * and hands back the answer, so without a bound a deployment could point at cloud metadata
 * (169.254.169.254), Keyward's own loopback services or anything else only the server can reach.
 *
 * `KEYWARD_UPSTREAM_ALLOW` unset: any address except loopback, link-local, unspecified,
 * multicast and broadcast (and AWS's IPv6 metadata address). Set: only the listed host names,
 * addresses and CIDR ranges. Checked when a URL is saved and again, on the resolved address, at
 * every connection, so a name that later resolves elsewhere (DNS rebinding) is refused too.
 */
export interface UpstreamPolicy {
  /** May the gateway connect to this (resolved or literal) address? */
  allowsAddress(address: string): boolean;
  /** Is this host name allowed by name, whatever it resolves to? */
  allowsName(hostName: string): boolean;
  /** The check at save time: literal addresses and what a name resolves to now. */
  allowsUrl(url: URL): Promise<boolean>;
  /** A `dns.lookup` for connections that refuses addresses outside the policy. */
  lookup: typeof dns.lookup;
}

const REFUSED_RANGES = new Set(['unspecified', 'loopback', 'linkLocal', 'multicast', 'broadcast']);
const AWS_IPV6_METADATA = ipaddr.parseCIDR('fd00:ec2::254/128');
const LOOKUP_TIMEOUT_MS = 2_000;

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export class UpstreamNotAllowedError extends Error {
  readonly code = ERROR_CODES.upstreamNotAllowed;
}

/**
 * An upstream URL as it may be shown: never with a user name or password (new URLs with them are
 * refused; one saved before that rule keeps working, but is shown without them).
 */
export function displayableUpstreamUrl(stored: string | null): string | null {
  if (stored === null || !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(stored)) return stored;
  try {
    const url = new URL(stored);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return null;
  }
}

/** `[::1]` in a URL's hostname is `::1` to the resolver. */
export const bareHostName = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it carries.
  return ipaddr.isValid(address) ? ipaddr.process(address) : undefined;
}

function inRange(address: ipaddr.IPv4 | ipaddr.IPv6, [range, bits]: Cidr): boolean {
  return address.kind() === range.kind() && address.match(range, bits);
}

/** Parses KEYWARD_UPSTREAM_ALLOW; throws with the offending entry on anything it cannot read. */
export function parseUpstreamAllowList(value: string | undefined): { names: string[]; ranges: Cidr[] } | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names: string[] = [];
  const ranges: Cidr[] = [];
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    if (entry.includes('/')) {
      try {
        ranges.push(ipaddr.parseCIDR(entry));
      } catch {
        throw new Error(`KEYWARD_UPSTREAM_ALLOW: "${entry}" is not a CIDR range`);
      }
    } else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(entry)) {
      names.push(entry.toLowerCase());
    } else {
      throw new Error(`KEYWARD_UPSTREAM_ALLOW: "${entry}" is neither a host name, an address nor a CIDR range`);
    }
  }
  return { names, ranges };
}

function resolveAll(hostName: string): Promise<LookupAddress[] | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS);
    dns.lookup(hostName, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      resolve(error ? undefined : addresses);
    });
  });
}

export function createUpstreamPolicy(allowList: string | undefined): UpstreamPolicy {
  const listed = parseUpstreamAllowList(allowList);

  function allowsAddress(text: string): boolean {
    const address = parseAddress(text);
    if (!address) return false;
    if (listed) return listed.ranges.some((range) => inRange(address, range));
    return !REFUSED_RANGES.has(address.range()) && !inRange(address, AWS_IPV6_METADATA);
  }

  const allowsName = (hostName: string) => listed !== undefined && listed.names.includes(hostName.toLowerCase());

  const lookup = ((hostName: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostName, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      if (!allowsName(hostName) && addresses.some((entry) => !allowsAddress(entry.address))) {
        return callback(new UpstreamNotAllowedError(`The upstream host resolves to an address outside KEYWARD_UPSTREAM_ALLOW.`));
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  }) as unknown as typeof dns.lookup;

  return {
    allowsAddress,
    allowsName,
    lookup,
    async allowsUrl(url: URL): Promise<boolean> {
      const host = bareHostName(url);
      if (isIP(host)) return allowsAddress(host);
      if (allowsName(host)) return true;
      // A name that does not resolve now may later: it is checked again at every connection.
      const addresses = await resolveAll(host);
      return addresses === undefined || addresses.every((entry) => allowsAddress(entry.address));
    },
  };
}
