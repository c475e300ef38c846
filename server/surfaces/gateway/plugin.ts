import type { FastifyPluginAsync } from 'fastify';
import { ERROR_CODES, type ApiErrorBody } from '../../../contract/errors';
import { CATALOGS } from '../../permissions/catalogs';
import { createEndpointMatcher } from '../../permissions/endpoint-matcher';
import type { Services } from '../../services';
import { forward } from './forward';

const MATCHERS = Object.fromEntries(Object.entries(CATALOGS).map(([id, catalog]) => [id, { catalog, matcher: createEndpointMatcher(catalog) }]));

const UNAUTHENTICATED: ApiErrorBody = { code: ERROR_CODES.unauthenticated, message: 'Invalid App ID or App Secret.' };

/**
 * The Deployment API (`/api/deployments/{deploymentId}/...`): authenticate the App ID and App
 * Secret, route the path against the deployment's catalog, check the key's permission, then
 * forward to the deployment's upstream EMQX REST API. In that order, for every request.
 */
export const gatewayPlugin: FastifyPluginAsync<{ services: Services; upstreamTimeoutMs: number }> = async (app, { services, upstreamTimeoutMs }) => {
  const { gateway } = services;

  // Bodies are streamed to the upstream untouched, whatever their type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  // Per-request info lines would cost the hot path more than the proxying; failures still log.
  app.all('/api/deployments/:deploymentId/*', { logLevel: 'warn' }, async (request, reply) => {
    const { deploymentId } = request.params as { deploymentId: string };
    const send = (status: number, body: ApiErrorBody) => reply.code(status).send(body);

    // 1. Who: one answer for every credential problem, a key of another deployment included.
    // Verified credentials and their deployment come from memory without a promise in between.
    let key = gateway.cachedKey(request.headers.authorization, deploymentId);
    if (!key) {
      const auth = await gateway.authenticate(request.headers.authorization, request.ip, deploymentId);
      if (auth.outcome === 'limited') {
        reply.header('retry-after', String(auth.retryAfterSeconds));
        return send(429, { code: ERROR_CODES.tooManyRequests, message: 'Too many failed authentication attempts. Try again later.' });
      }
      if (auth.outcome === 'verified') key = auth.key;
    }
    const deployment = key ? (gateway.cachedDeployment(deploymentId) ?? (await gateway.deployment(deploymentId))) : undefined;
    if (!key || !deployment) {
      reply.header('www-authenticate', 'Basic realm="Keyward"');
      return send(401, UNAUTHENTICATED);
    }

    // 2. What: the path after the deployment id, against its version's catalog.
    const { catalog, matcher } = MATCHERS[deployment.catalogId]!;
    const rawPath = request.url.slice(`/api/deployments/${deploymentId}`.length);
    const queryAt = rawPath.indexOf('?');
    const path = queryAt === -1 ? rawPath : rawPath.slice(0, queryAt);
    const endpoint = path.startsWith(`${catalog.basePath}/`) ? matcher.match(path.slice(catalog.basePath.length)) : undefined;
    if (!endpoint) return send(404, { code: ERROR_CODES.notFound, message: `No ${catalog.title} endpoint at this path.` });
    if (!endpoint.methods.includes(request.method as never)) {
      reply.header('allow', endpoint.methods.join(', '));
      return send(405, { code: 'METHOD_NOT_ALLOWED', message: `${endpoint.path} supports ${endpoint.methods.join(', ')}.` });
    }

    // 3. May it: the key must hold this (method, endpoint) pair, unless it has full access.
    if (!key.fullAccess && !key.permissions.has(`${request.method} ${endpoint.path}`)) {
      return send(403, {
        code: 'PERMISSION_DENIED',
        message: `This API key may not call ${request.method} ${endpoint.path}.`,
        details: { method: request.method, endpoint: endpoint.path },
      });
    }

    // 4. Can it be served.
    if (!gateway.isServing(deployment)) {
      return send(503, { code: 'DEPLOYMENT_STOPPED', message: 'The deployment is not running.' });
    }
    if (!deployment.upstream) {
      return send(502, { code: 'UPSTREAM_NOT_CONFIGURED', message: 'This deployment has no upstream EMQX REST API configured.' });
    }

    // 5. Forward, path and query as the client sent them.
    await forward(request, reply, { url: deployment.upstream.url, authorization: deployment.upstream.authorization, path: rawPath, timeoutMs: upstreamTimeoutMs });
    return reply;
  });
};
