import type { FastifyRequest } from 'fastify';
import { ERROR_CODES } from '../../../contract/errors';
import type { PlatformScope } from '../../../contract/platform-scopes';
import type { PlatformKeyPrincipal } from '../../deployments/deployment-access';
import { DomainError } from '../../http/domain-errors';

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

/** 401 for every credential problem: the same status, body and header whatever went wrong. */
export class BadCredentialsError extends DomainError {
  constructor() {
    super(401, ERROR_CODES.unauthenticated, 'Invalid API key or secret.');
  }
}

/** The Platform API Key the plugin's hook authenticated for this request. */
export function platformKeyOf(request: FastifyRequest): PlatformKeyPrincipal {
  if (!request.platformKey) throw new BadCredentialsError();
  return request.platformKey;
}
