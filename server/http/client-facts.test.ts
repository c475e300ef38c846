import fc from 'fast-check';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { clientFactsReader } from './client-facts';

const address = fc.constantFrom('127.0.0.1', '10.1.2.3', '192.0.2.7', '::1', '::ffff:10.0.0.9', '2001:db8::5');
const hostName = fc.constantFrom('k.test', 'evil.example', 'k.test:8443', '[2001:db8::1]:443', '');
const protocolName = fc.constantFrom('https', 'http', 'HTTPS', 'gopher');
const chain = (item: fc.Arbitrary<string>) => fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(', '));

/**
 * The gateway's front reads the client from Node's request itself (server/surfaces/gateway/front.ts);
 * Fastify reads it for everything else. Both must see the same client under every
 * KEYWARD_TRUST_PROXY setting, or a proxy's headers would mean one thing on one path.
 */
describe('clientFactsReader', () => {
  it.each([false, true, '127.0.0.1', '10.0.0.0/8, 127.0.0.1', 'loopback', '::1,192.0.2.7'])(
    'reads ip, protocol and host as Fastify does with trustProxy %j',
    async (trustProxy) => {
      const app = Fastify({ trustProxy });
      const reader = clientFactsReader(trustProxy);
      app.get('/', (request) => ({
        fastify: { ip: request.ip, protocol: request.protocol, host: request.host },
        ours: { ip: reader.ip(request.raw), protocol: reader.protocol(request.raw), host: reader.host(request.raw) },
      }));
      await fc.assert(
        fc.asyncProperty(
          address,
          fc.option(chain(address), { nil: undefined }),
          fc.option(chain(protocolName), { nil: undefined }),
          fc.option(chain(hostName), { nil: undefined }),
          hostName,
          async (remoteAddress, forwardedFor, forwardedProto, forwardedHost, host) => {
            const headers: Record<string, string> = { host };
            if (forwardedFor !== undefined) headers['x-forwarded-for'] = forwardedFor;
            if (forwardedProto !== undefined) headers['x-forwarded-proto'] = forwardedProto;
            if (forwardedHost !== undefined) headers['x-forwarded-host'] = forwardedHost;
            const answer = (await app.inject({ method: 'GET', url: '/', remoteAddress, headers })).json();
            expect(answer.ours).toEqual(answer.fastify);
          },
        ),
        { numRuns: 150 },
      );
      await app.close();
    },
  );
});
