import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import proxyAddr from '@fastify/proxy-addr';

/** What a request says about its client once KEYWARD_TRUST_PROXY is applied. */
export interface ClientFacts {
  /** The client's address: the socket's peer, or what trusted proxies said it was. */
  ip(request: IncomingMessage): string;
  /** `http` or `https`, as the client reached the first trusted hop. */
  protocol(request: IncomingMessage): string;
  /** The host the client asked for (Host, or a trusted proxy's X-Forwarded-Host). */
  host(request: IncomingMessage): string;
}

/** The last of a header's comma-separated values: the one the nearest proxy added. */
function lastEntry(value: string | string[]): string {
  const text = Array.isArray(value) ? value.join(',') : value;
  const at = text.lastIndexOf(',');
  return at === -1 ? text.trim() : text.slice(at + 1).trim();
}

const trustsNobody = () => false;

/**
 * Fastify's reading of `trustProxy` (true, or a comma-separated list of addresses and ranges),
 * for requests that never become a Fastify request (the gateway's front). The same rules as
 * `request.ip`, `request.protocol` and `request.host`, so either path sees the same client; a
 * test holds the two together.
 */
export function clientFactsReader(trustProxy: boolean | string): ClientFacts {
  const trusts: (address: string, hop: number) => boolean =
    trustProxy === true ? () => true : trustProxy === false || trustProxy === '' ? trustsNobody : proxyAddr.compile(trustProxy.split(',').map((entry) => entry.trim()));
  const trustsPeer = (request: IncomingMessage) => trusts !== trustsNobody && request.socket.remoteAddress !== undefined && trusts(request.socket.remoteAddress, 0);
  return {
    ip(request) {
      if (trusts === trustsNobody) return request.socket.remoteAddress ?? '';
      const addresses = proxyAddr.all(request, trusts);
      return addresses[addresses.length - 1] ?? '';
    },
    protocol(request) {
      const forwarded = request.headers['x-forwarded-proto'];
      if (forwarded && trustsPeer(request)) return lastEntry(forwarded);
      return (request.socket as TLSSocket).encrypted ? 'https' : 'http';
    },
    host(request) {
      const forwarded = request.headers['x-forwarded-host'];
      if (forwarded && trustsPeer(request)) return lastEntry(forwarded);
      return request.headers.host ?? '';
    },
  };
}
