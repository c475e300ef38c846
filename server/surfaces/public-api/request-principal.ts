import type { FastifyRequest } from 'fastify';
import type { PlatformScope } from '../../../contract/platform-scopes';
import type { PlatformKeyPrincipal } from '../../deployments/deployment-access';
import { DomainError, TooManyRequestsError } from '../../http/domain-errors';
import { keyAuthAnswerOf, type KeyAuthRefusal } from '../../keys/key-authentication';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The Functionality Scope a Platform API route needs. */
    scope?: PlatformScope;
    /** Which per-key rate limit a Platform API route counts against. */
    rateBucket?: 'read' | 'tls_write' | 'create' | 'start' | 'stop';
  }
  interface FastifyRequest {
    platformKey?: PlatformKeyPrincipal;
  }
}

const CREDENTIAL_NAMES = { unauthenticated: 'Invalid API key or secret.' };

/**
 * A refused key as the error handler sends it: the one answer of server/keys (401 for every
 * credential problem, whatever went wrong; 429 with Retry-After; a verified key's own refusal).
 */
export function keyRefusedError(refusal: KeyAuthRefusal): DomainError {
  const answer = keyAuthAnswerOf(refusal, CREDENTIAL_NAMES);
  return answer.retryAfterSeconds !== undefined
    ? new TooManyRequestsError(answer.retryAfterSeconds, answer.message)
    : new DomainError(answer.status, answer.code, answer.message);
}

/** The Platform API Key the plugin's hook authenticated for this request. */
export function platformKeyOf(request: FastifyRequest): PlatformKeyPrincipal {
  if (!request.platformKey) throw keyRefusedError({ reason: 'credentials' });
  return request.platformKey;
}
