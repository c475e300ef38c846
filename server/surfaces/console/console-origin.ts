import type { FastifyRequest } from 'fastify';
import type { WebAuthnSite } from '../../auth/two-factor/passkey-service';

/** The console's origin as this request reached it (honouring KEYWARD_TRUST_PROXY, like the CSRF check). */
export const consoleOriginOf = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

/** Passkeys are bound to the console's host name, and every answer must come from its origin. */
export function webAuthnSiteOf(request: FastifyRequest): WebAuthnSite {
  return { rpID: request.hostname, origin: consoleOriginOf(request) };
}
