import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HTTP_METHODS } from '../../../contract/endpoint-catalog';
import { ERROR_CODES, type ApiErrorBody } from '../../../contract/errors';
import { PATH_REFUSAL_MESSAGES } from '../../permissions/canonical-path';
import { decideAccess, FORWARDED_METHODS } from '../../permissions/access-decision';
import { refusalAnswerOf } from '../../permissions/refusal-answers';
import { keyAuthAnswerOf, type KeyAuthRefusal } from '../../keys/key-authentication';
import type { Services } from '../../services';
import { createForwarder } from './forward';
import { lazyChildLogger } from '../../http/lazy-child-logger';
import { countKeyUsage, type KeyUsage } from '../key-usage';

export const GATEWAY_PREFIX = '/api/deployments/';

function usageOf(organizationId: string, appId: string, deploymentId: string, address: string): KeyUsage {
  return { organizationId, keyKind: 'deployment', keyLabel: appId, deploymentId, endpoint: '', forwarded: false, address, upstreamMs: 0 };
}

const CREDENTIAL_NAMES = { unauthenticated: 'Invalid App ID or App Secret.' };
const CREDENTIALS: KeyAuthRefusal = { reason: 'credentials' };

/** Sends the one answer to a refused key (server/keys/key-authentication.ts), with its headers. */
function answerKeyRefusal(reply: FastifyReply, refusal: KeyAuthRefusal) {
  const answer = keyAuthAnswerOf(refusal, CREDENTIAL_NAMES);
  if (answer.challenge) reply.header('www-authenticate', 'Basic realm="Keyward"');
  if (answer.retryAfterSeconds !== undefined) reply.header('retry-after', String(answer.retryAfterSeconds));
  return reply.code(answer.status).send({ code: answer.code, message: answer.message } satisfies ApiErrorBody);
}
const TWO_AUTHORIZATIONS: ApiErrorBody = { code: ERROR_CODES.badRequest, message: 'Send one Authorization header.' };

/** More than one Authorization header: Node keeps the first, a proxy in front may keep another. */
function hasSeveralAuthorizations(request: FastifyRequest): boolean {
  const raw = request.raw.rawHeaders;
  let seen = 0;
  for (let index = 0; index < raw.length; index += 2) {
    if (raw[index]!.length === 13 && raw[index]!.toLowerCase() === 'authorization' && ++seen > 1) return true;
  }
  return false;
}

/**
 * The request target split as sent: the deployment id segment, the path after it (no query)
 * and the query with its `?`. Only origin-form targets (`/api/deployments/...`) have one.
 */
function splitTarget(url: string): { deploymentId: string; path: string; query: string } | undefined {
  if (!url.startsWith(GATEWAY_PREFIX)) return undefined;
  const idEnd = url.indexOf('/', GATEWAY_PREFIX.length);
  if (idEnd === -1) return undefined;
  const queryAt = url.indexOf('?', idEnd);
  return {
    deploymentId: url.slice(GATEWAY_PREFIX.length, idEnd),
    path: queryAt === -1 ? url.slice(idEnd) : url.slice(idEnd, queryAt),
    query: queryAt === -1 ? '' : url.slice(queryAt),
  };
}

/**
 * The Deployment API (`/api/deployments/{deploymentId}/...`): authenticate the App ID and App
 * Secret, route the path's canonical form against the deployment's catalog, check the key's
 * permission, then forward exactly that canonical path to the deployment's upstream EMQX REST
 * API. In that order, for every request; a query string is passed on but never routes.
 */
export const gatewayPlugin: FastifyPluginAsync<{ services: Services; upstreamTimeoutMs: number; accessLog: boolean; draining: () => boolean }> = async (
  app,
  { services, upstreamTimeoutMs, accessLog, draining },
) => {
  const { gateway, metrics } = services;
  const forward = createForwarder({ timeoutMs: upstreamTimeoutMs, lookup: services.upstreamPolicy.lookup, draining });
  app.addHook('onClose', () => forward.close());

  /** Names the key a refused request used, once its deployment is known (from cache, or read). */
  async function countFor(request: FastifyRequest, appId: string, deploymentId: string, address: string): Promise<void> {
    const deployment = gateway.cachedDeployment(deploymentId) ?? (await gateway.deployment(deploymentId));
    if (deployment) request.keyUsage = usageOf(deployment.organizationId, appId, deploymentId, address);
  }

  // Counted by the key surfaces' one usage hook; the gateway adds its metrics and access log.
  countKeyUsage(app, services.usage, (request, reply, counted) => {
    if (counted) metrics?.gateway(counted.outcome, counted.usage.deploymentId, counted.usage.forwarded, counted.keywardMs, counted.usage.upstreamMs);
    if (accessLog) {
      const usage = counted?.usage;
      // One line per request: never the Authorization header, nor the query (it may carry anything).
      const queryAt = request.url.indexOf('?');
      app.log.info(
        {
          access: {
            method: request.method,
            path: queryAt === -1 ? request.url : request.url.slice(0, queryAt),
            status: reply.statusCode,
            appId: usage?.keyLabel ?? null,
            endpoint: usage?.endpoint || null,
            ms: Math.round(reply.elapsedTime * 100) / 100,
            upstreamMs: usage?.forwarded ? Math.round(usage.upstreamMs * 100) / 100 : null,
            address: request.ip,
          },
        },
        'gateway request',
      );
    }
  });

  // Bodies are streamed to the upstream untouched, whatever their type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  // Methods Fastify does not route at all (PROPFIND, ...) end here: never forwarded either.
  app.setNotFoundHandler((request, reply) => {
    if (FORWARDED_METHODS.has(request.method)) return reply.code(404).send({ code: ERROR_CODES.notFound, message: 'No such route.' });
    reply.header('allow', HTTP_METHODS.join(', '));
    return reply.code(405).send({ code: ERROR_CODES.methodNotAllowed, message: `The Deployment API supports ${HTTP_METHODS.join(', ')}.` });
  });

  // Fastify's per-request log lines are off here (server/app.ts: disableRequestLogging), and a
  // request's logger is made only when something logs (http/lazy-child-logger.ts).
  app.all('/:deploymentId/*', { childLoggerFactory: lazyChildLogger }, async (request, reply) => {
    const send = (status: number, body: ApiErrorBody) => reply.code(status).send(body);
    const target = splitTarget(request.url);
    if (!target) return send(400, { code: ERROR_CODES.invalidPath, message: PATH_REFUSAL_MESSAGES.not_origin_form });
    if (hasSeveralAuthorizations(request)) return send(400, TWO_AUTHORIZATIONS);
    const { deploymentId } = target;
    const address = request.ip;

    // 1. Who: one answer for every credential problem, a key of another deployment included.
    // Verified credentials and their deployment come from memory without a promise in between.
    let key = gateway.cachedKey(request.headers.authorization, deploymentId);
    metrics?.credentialCache(key !== undefined);
    if (!key) {
      const auth = await gateway.authenticate(request.headers.authorization, address, deploymentId);
      if (auth.outcome === 'refused') {
        // A refused call with one of this deployment's App IDs still counts in that key's usage.
        if (auth.knownAppId) await countFor(request, auth.knownAppId, deploymentId, address);
        return answerKeyRefusal(reply, auth.refusal);
      }
      key = auth.key;
    }
    const deployment = gateway.cachedDeployment(deploymentId) ?? (await gateway.deployment(deploymentId));
    if (!deployment) return answerKeyRefusal(reply, CREDENTIALS);
    const usage = usageOf(deployment.organizationId, key.appId, deploymentId, address);
    request.keyUsage = usage;
    // Told only to a caller whose secret verified: expired, disabled, or not from here.
    const refusal = gateway.admits(key, address);
    if (refusal) return answerKeyRefusal(reply, refusal);
    gateway.used(key, address);

    // 2. What and 3. may it: the path's one canonical form against its version's catalog, then
    // the key's (method, endpoint) grants unless it has full access.
    const decision = decideAccess(deployment.catalogId, request.method, target.path, key, services.pathPolicy);
    if ('endpoint' in decision) usage.endpoint = decision.endpoint.path;
    if (decision.outcome !== 'allowed') {
      const answer = refusalAnswerOf(decision, request.method);
      if (answer.allow) reply.header('allow', answer.allow);
      return send(answer.status, answer.body);
    }

    // 4. Can it be served.
    if (!gateway.isServing(deployment)) {
      reply.header('retry-after', String(gateway.retryAfterSeconds(deployment)));
      return send(503, { code: ERROR_CODES.deploymentStopped, message: 'The deployment is not running.' });
    }
    if (!deployment.upstream) {
      return send(502, { code: ERROR_CODES.upstreamNotConfigured, message: 'This deployment has no upstream EMQX REST API configured.' });
    }

    // 5. Forward the canonical path that was checked, never the bytes the client sent.
    usage.forwarded = true;
    const started = performance.now();
    // Until the upstream's answer began (or failed); the body then streams through.
    const answered = () => void (usage.upstreamMs = performance.now() - started);
    try {
      await forward(request, reply, deployment.upstream, decision.canonicalPath + target.query, answered);
    } catch (error) {
      answered();
      throw error;
    }
    return reply;
  });
};
