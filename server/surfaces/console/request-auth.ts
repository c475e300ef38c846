import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../kernel/actor';
import type { AuthenticatedSession } from '../../auth/auth-service';
import { UnauthenticatedError } from '../../http/domain-errors';

declare module 'fastify' {
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
