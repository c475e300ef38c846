import type { FastifyRequest } from 'fastify';
import type { WebAuthnSite } from '../../auth/two-factor/passkey-service';

/**
 * The console's origin as this request reached it (honouring KEYWARD_TRUST_PROXY, like the CSRF
 * check): passkeys are bound to its host name, and every answer must come from its origin.
 */
export function webAuthnSiteOf(request: FastifyRequest): WebAuthnSite {
  return { rpID: request.hostname, origin: `${request.protocol}://${request.host}` };
}
