import type { FastifyInstance } from 'fastify';
import { ERROR_CODES, type ApiErrorBody } from '../../contract/errors';

/**
 * KEYWARD_GATEWAY_ORIGIN: the Deployment API on a host name of its own. Gateway answers come from
 * upstreams chosen by console users; on their own origin, even one a browser rendered could not
 * reach the console's cookies or API. So the gateway answers only there, and everything else
 * (console, Platform API, SPA) only elsewhere.
 */
export interface GatewayOrigin {
  isGatewayHost(host: string): boolean;
  /** The 421 a Deployment API request on another host is answered. */
  elsewhere: ApiErrorBody;
}

export function gatewayOriginOf(gatewayOrigin: URL): GatewayOrigin {
  const gatewayHost = gatewayOrigin.host.toLowerCase();
  return {
    isGatewayHost: (host) => host.toLowerCase() === gatewayHost,
    elsewhere: { code: ERROR_CODES.misdirectedRequest, message: `The Deployment API is served at ${gatewayOrigin.origin}.` },
  };
}

/**
 * What Fastify serves is not served on the gateway's host. Deployment API requests never reach
 * Fastify: the gateway's front answers those from other hosts with `elsewhere` itself.
 */
export function registerGatewayOrigin(app: FastifyInstance, gatewayOrigin: GatewayOrigin): void {
  const notHere: ApiErrorBody = { code: ERROR_CODES.notFound, message: 'No such route.' };
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url !== '/healthz' && gatewayOrigin.isGatewayHost(request.host)) return void reply.code(404).send(notHere);
    done();
  });
}
