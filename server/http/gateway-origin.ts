import type { FastifyInstance } from 'fastify';
import { ERROR_CODES, type ApiErrorBody } from '../../contract/errors';

/**
 * KEYWARD_GATEWAY_ORIGIN: the Deployment API on a host name of its own. Gateway answers come from
 * upstreams chosen by console users; on their own origin, even one a browser rendered could not
 * reach the console's cookies or API. So the gateway answers only there, and everything else
 * (console, Platform API, SPA) only elsewhere.
 */
export function registerGatewayOrigin(app: FastifyInstance, options: { gatewayOrigin: URL; gatewayPrefix: string }): void {
  const gatewayHost = options.gatewayOrigin.host.toLowerCase();
  const elsewhere: ApiErrorBody = {
    code: ERROR_CODES.misdirectedRequest,
    message: `The Deployment API is served at ${options.gatewayOrigin.origin}.`,
  };
  const notHere: ApiErrorBody = { code: ERROR_CODES.notFound, message: 'No such route.' };
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url === '/healthz') return done();
    const onGatewayHost = request.host.toLowerCase() === gatewayHost;
    const forGateway = request.url.startsWith(options.gatewayPrefix);
    if (forGateway && !onGatewayHost) return void reply.code(421).send(elsewhere);
    if (!forGateway && onGatewayHost) return void reply.code(404).send(notHere);
    done();
  });
}
