import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor';
import type { AuthenticatedSession } from '../../auth/auth-service';
import { UnauthenticatedError } from '../../http/domain-errors';
import type { SessionStage } from '../../auth/sessions-data';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Console routes reachable without a session (setup, sign-in, sign-out). */
    public?: boolean;
    /** Sign-in stages besides a full sign-in the route serves (setting up a required second factor). */
    stages?: SessionStage[];
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
