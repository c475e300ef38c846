import { ERROR_CODES, type ApiErrorBody } from '../../../contract/errors';
import { decideAccess } from '../../permissions/access-decision';
import { refusalAnswerOf } from '../../permissions/refusal-answers';
import { keyAuthAnswerOf, type KeyAuthRefusal } from '../../keys/key-authentication';
import type { Services } from '../../services';
import type { KeyUsage } from '../key-usage';
import type { GatewayExchange } from './exchange';
import type { createForwarder } from './forward';

export const GATEWAY_PREFIX = '/api/deployments/';

function usageOf(organizationId: string, appId: string, deploymentId: string, address: string): KeyUsage {
  return { organizationId, keyKind: 'deployment', keyLabel: appId, deploymentId, endpoint: '', forwarded: false, address, upstreamMs: 0 };
}

const CREDENTIAL_NAMES = { unauthenticated: 'Invalid App ID or App Secret.' };
const CREDENTIALS: KeyAuthRefusal = { reason: 'credentials' };
const TWO_AUTHORIZATIONS: ApiErrorBody = { code: ERROR_CODES.badRequest, message: 'Send one Authorization header.' };

/** Sends the one answer to a refused key (server/keys/key-authentication.ts), with its headers. */
function answerKeyRefusal(exchange: GatewayExchange, refusal: KeyAuthRefusal): void {
  const answer = keyAuthAnswerOf(refusal, CREDENTIAL_NAMES);
  if (answer.challenge) exchange.withHeader('www-authenticate', 'Basic realm="Keyward"');
  if (answer.retryAfterSeconds !== undefined) exchange.withHeader('retry-after', String(answer.retryAfterSeconds));
  exchange.answer(answer.status, { code: answer.code, message: answer.message });
}

/** More than one Authorization header: Node keeps the first, a proxy in front may keep another. */
function hasSeveralAuthorizations(rawHeaders: string[]): boolean {
  let seen = 0;
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (rawHeaders[index]!.length === 13 && rawHeaders[index]!.toLowerCase() === 'authorization' && ++seen > 1) return true;
  }
  return false;
}

/**
 * The request target split as sent: the deployment id segment, the path after it (no query)
 * and the query with its `?`. Undefined when there is no path after the id.
 */
export function splitTarget(url: string): { deploymentId: string; path: string; query: string } | undefined {
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
 * The Deployment API's one pipeline (`/api/deployments/{deploymentId}/...`): authenticate the App
 * ID and App Secret, route the path's canonical form against the deployment's catalog, check the
 * key's permission, then forward exactly that canonical path to the deployment's upstream EMQX
 * REST API. In that order, for every request; a query string is passed on but never routes.
 * `target` is the request's target split by `splitTarget`.
 */
export function createGatewayPipeline(services: Services, forward: ReturnType<typeof createForwarder>) {
  const { gateway, metrics } = services;

  /** Names the key a refused request used, once its deployment is known (from cache, or read). */
  async function countFor(exchange: GatewayExchange, appId: string, deploymentId: string): Promise<void> {
    const deployment = gateway.cachedDeployment(deploymentId) ?? (await gateway.deployment(deploymentId));
    if (deployment) exchange.usage = usageOf(deployment.organizationId, appId, deploymentId, exchange.ip);
  }

  return async function serve(exchange: GatewayExchange, target: { deploymentId: string; path: string; query: string }): Promise<void> {
    const { request } = exchange;
    if (hasSeveralAuthorizations(request.rawHeaders)) return exchange.answer(400, TWO_AUTHORIZATIONS);
    const { deploymentId } = target;
    const address = exchange.ip;
    const method = request.method!;

    // 1. Who: one answer for every credential problem, a key of another deployment included.
    // Verified credentials and their deployment come from memory without a promise in between.
    let key = gateway.cachedKey(request.headers.authorization, deploymentId);
    metrics?.credentialCache(key !== undefined);
    if (!key) {
      const auth = await gateway.authenticate(request.headers.authorization, address, deploymentId);
      if (auth.outcome === 'refused') {
        // A refused call with one of this deployment's App IDs still counts in that key's usage.
        if (auth.knownAppId) await countFor(exchange, auth.knownAppId, deploymentId);
        return answerKeyRefusal(exchange, auth.refusal);
      }
      key = auth.key;
    }
    const deployment = gateway.cachedDeployment(deploymentId) ?? (await gateway.deployment(deploymentId));
    if (!deployment) return answerKeyRefusal(exchange, CREDENTIALS);
    const usage = usageOf(deployment.organizationId, key.appId, deploymentId, address);
    exchange.usage = usage;
    // Told only to a caller whose secret verified: expired, disabled, or not from here.
    const refusal = gateway.admits(key, address);
    if (refusal) return answerKeyRefusal(exchange, refusal);
    gateway.used(key, address);

    // 2. What and 3. may it: the path's one canonical form against its version's catalog, then
    // the key's (method, endpoint) grants unless it has full access.
    const decision = decideAccess(deployment.catalogId, method, target.path, key, services.pathPolicy);
    if ('endpoint' in decision) usage.endpoint = decision.endpoint.path;
    if (decision.outcome !== 'allowed') {
      const answer = refusalAnswerOf(decision, method);
      if (answer.allow) exchange.withHeader('allow', answer.allow);
      return exchange.answer(answer.status, answer.body);
    }

    // 4. Can it be served.
    if (!gateway.isServing(deployment)) {
      exchange.withHeader('retry-after', String(gateway.retryAfterSeconds(deployment)));
      return exchange.answer(503, { code: ERROR_CODES.deploymentStopped, message: 'The deployment is not running.' });
    }
    if (!deployment.upstream) {
      return exchange.answer(502, { code: ERROR_CODES.upstreamNotConfigured, message: 'This deployment has no upstream EMQX REST API configured.' });
    }

    // 5. Forward the canonical path that was checked, never the bytes the client sent.
    usage.forwarded = true;
    const started = performance.now();
    // Until the upstream's answer began (or failed); the body then streams through.
    const answered = () => void (usage.upstreamMs = performance.now() - started);
    try {
      await forward(exchange, deployment.upstream, decision.canonicalPath + target.query, answered);
    } catch (error) {
      answered();
      throw error;
    }
  };
}
