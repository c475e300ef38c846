import { ERROR_CODES, type ApiErrorBody } from '../../../contract/errors';
import { decideAccess } from '../../permissions/access-decision';
import { refusalAnswerOf } from '../../permissions/refusal-answers';
import { keyAuthAnswerOf, type KeyAuthRefusal } from '../../keys/key-authentication';
import type { GatewayDeployment, VerifiedKey } from '../../gateway/gateway-service';
import type { Services } from '../../services';
import type { KeyUsage } from '../key-usage';
import type { GatewayExchange } from './exchange';
import { createForwarder, type ForwarderOptions } from './forward';

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

/** The request target as `splitTarget` splits it. */
export type GatewayTarget = NonNullable<ReturnType<typeof splitTarget>>;

/**
 * The Deployment API's one pipeline (`/api/deployments/{deploymentId}/...`): authenticate the App
 * ID and App Secret, route the path's canonical form against the deployment's catalog, check the
 * key's permission, then forward exactly that canonical path to the deployment's upstream EMQX
 * REST API. In that order, for every request; a query string is passed on but never routes.
 *
 * A request whose credentials and deployment are in memory runs through without a promise: its
 * answer, or `failed` with what went wrong before the answer began (the front maps it to the
 * documented JSON shape). Only what must wait for the database goes through async steps.
 */
export function createGatewayPipeline(services: Services, forwarding: ForwarderOptions, failed: (exchange: GatewayExchange, error: unknown) => void) {
  const { gateway, metrics } = services;
  const forward = createForwarder(forwarding, {
    // Until the upstream's answer began (or failed); the body then streams through.
    answered: (exchange) => void (exchange.usage!.upstreamMs = performance.now() - exchange.forwardedAt),
    failed,
  });

  /** Names the key a refused request used, once its deployment is known (from cache, or read). */
  async function countFor(exchange: GatewayExchange, appId: string, deploymentId: string): Promise<void> {
    const deployment = gateway.cachedDeployment(deploymentId) ?? (await gateway.deployment(deploymentId));
    if (deployment) exchange.usage = usageOf(deployment.organizationId, appId, deploymentId, exchange.ip);
  }

  /** 1. Who, when memory does not know: the database, then the rest as for a known key. */
  async function authenticateThenServe(exchange: GatewayExchange, target: GatewayTarget, known: VerifiedKey | undefined): Promise<void> {
    const { request } = exchange;
    const { deploymentId } = target;
    let key = known;
    if (!key) {
      const auth = await gateway.authenticate(request.headers.authorization, exchange.ip, deploymentId);
      if (auth.outcome === 'refused') {
        // A refused call with one of this deployment's App IDs still counts in that key's usage.
        if (auth.knownAppId) await countFor(exchange, auth.knownAppId, deploymentId);
        return answerKeyRefusal(exchange, auth.refusal);
      }
      key = auth.key;
    }
    const deployment = gateway.cachedDeployment(deploymentId) ?? (await gateway.deployment(deploymentId));
    if (!deployment) return answerKeyRefusal(exchange, CREDENTIALS);
    serveKnown(exchange, target, key, deployment);
  }

  /** Steps 1 (the key's own refusals) to 5, for a verified key of a deployment held in memory. */
  function serveKnown(exchange: GatewayExchange, target: GatewayTarget, key: VerifiedKey, deployment: GatewayDeployment): void {
    const address = exchange.ip;
    const method = exchange.request.method!;
    const usage = usageOf(deployment.organizationId, key.appId, target.deploymentId, address);
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
    exchange.forwardedAt = performance.now();
    forward(exchange, deployment.upstream, decision.canonicalPath + target.query);
  }

  /** Answers `exchange`, or hands `failed` what went wrong before the answer began. */
  function serve(exchange: GatewayExchange, target: GatewayTarget): void {
    try {
      if (hasSeveralAuthorizations(exchange.request.rawHeaders)) return exchange.answer(400, TWO_AUTHORIZATIONS);
      // 1. Who: one answer for every credential problem, a key of another deployment included.
      const key = gateway.cachedKey(exchange.request.headers.authorization, target.deploymentId);
      metrics?.credentialCache(key !== undefined);
      const deployment = key && gateway.cachedDeployment(target.deploymentId);
      if (key && deployment) serveKnown(exchange, target, key, deployment);
      else authenticateThenServe(exchange, target, key).catch((error: unknown) => failed(exchange, error));
    } catch (error) {
      failed(exchange, error);
    }
  }
  return Object.assign(serve, { close: () => forward.close() });
}
