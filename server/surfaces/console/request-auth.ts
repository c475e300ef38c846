import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../kernel/actor';
import type { AuthenticatedSession } from '../../auth/auth-service';
import { UnauthenticatedError } from '../../http/domain-errors';
import type { SessionStage } from '../../auth/sessions-data';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Console routes reachable without a session (setup, sign-in, sign-out). */
    public?: boolean;
    /** Sign-in stages besides a full sign-in the route serves (setting up a required second factor). */
    stages?: SessionStage[];
    /**
     * Changes how the account (or another) signs in, or reveals or mints a long-lived secret: the
     * session must have signed in or confirmed it's its owner within KEYWARD_REAUTH_MINUTES, else
     * 403 REAUTH_REQUIRED (the console then asks "Confirm it's you" and retries).
     */
    sensitive?: boolean;
  }
  interface FastifyRequest {
    consoleAuth?: AuthenticatedSession;
  }
}

export function sessionOf(request: FastifyRequest): AuthenticatedSession {
  if (!request.consoleAuth) throw new UnauthenticatedError();
  return request.consoleAuth;
}

export function actorOf(request: FastifyRequest): Actor {
  return { ...sessionOf(request).actor, address: request.ip };
}
