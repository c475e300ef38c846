import type { FastifyRequest } from 'fastify';
import { ERROR_CODES } from '../../../contract/errors';
import { ForbiddenError } from '../../http/domain-errors';

/** The SPA sends this on every request; a cross-site form or image cannot set custom headers. */
export const CSRF_HEADER = 'x-keyward-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Scheme, host and port exactly as this request arrived (the scheme from the proxy's
 * X-Forwarded-Proto under KEYWARD_TRUST_PROXY): an https page may not post to http, nor
 * another port of the same host.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).origin === new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return false;
  }
}

/** Every state-changing console request must be same-origin and carry the SPA's header. */
export async function csrfGuard(request: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers[CSRF_HEADER] !== '1' || !sameOrigin(request)) {
    throw new ForbiddenError('Cross-site request refused.', ERROR_CODES.csrfRejected);
  }
}
