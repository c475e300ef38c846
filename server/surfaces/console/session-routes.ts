import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setupRequestSchema, setupStatusSchema, signInRequestSchema } from '../../../contract/auth';
import { passkeyAnswerSchema, passkeyOptionsSchema, secondFactorRequestSchema } from '../../../contract/security';
import { sessionSchema } from '../../../contract/session';
import { apiErrorSchema } from '../../../contract/errors';
import { ConflictError, DomainError, TooManyRequestsError, UnauthenticatedError } from '../../http/domain-errors';
import type { Services } from '../../services';
import { sessionOf } from './request-auth';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session-cookie';
import { webAuthnSiteOf } from './console-origin';
import { ERROR_CODES } from '../../../contract/errors';

/** Setup, sign-in, sign-out and "who am I": the routes a browser needs before anything else. */
export const sessionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { auth, setup, twoFactor } = services;

  const originOf = (request: FastifyRequest) => ({ address: request.ip, userAgent: request.headers['user-agent'] });

  async function sessionFor(token: string) {
    const opened = await auth.authenticate(token);
    if (!opened) throw new UnauthenticatedError();
    return opened.session;
  }

  app.get(
    '/setup',
    { config: { access: 'public' }, schema: { response: { 200: setupStatusSchema } } },
    async () => ({ setupRequired: await setup.isSetupRequired() }),
  );

  app.post(
    '/setup',
    {
      config: { access: 'public', audit: ['organization.setup'] },
      schema: { body: setupRequestSchema, response: { 201: sessionSchema, 409: apiErrorSchema } },
    },
    async (request, reply) => {
      if (!(await setup.isSetupRequired())) throw new ConflictError('Keyward is already set up.', ERROR_CODES.setupComplete);
      const { rootUserId } = await setup.createOrganization(request.body, request.ip);
      const token = await auth.openSession(rootUserId, readSessionToken(request), originOf(request));
      setSessionCookie(request, reply, token);
      return reply.status(201).send(await sessionFor(token));
    },
  );

  app.get('/session', { config: { stages: ['factor_setup'], access: 'signedIn' }, schema: { response: { 200: sessionSchema } } }, async (request) => sessionOf(request).session);

  app.post(
    '/session',
    { config: { access: 'public' }, schema: { body: signInRequestSchema, response: { 200: sessionSchema } } },
    async (request, reply) => {
      const { token, stage, methods } = await auth.signIn({
        email: request.body.email,
        password: request.body.password,
        previousToken: readSessionToken(request),
        ...originOf(request),
      });
      setSessionCookie(request, reply, token);
      // Like GitHub's API: a right password alone is a 401 that names the second step.
      if (stage === 'second_factor') {
        throw new DomainError(401, ERROR_CODES.secondFactorRequired, 'Confirm it is you with your second factor.', { methods });
      }
      return sessionFor(token);
    },
  );

  app.post(
    '/session/second-factor',
    { config: { access: 'public' }, schema: { body: secondFactorRequestSchema, response: { 200: sessionSchema } } },
    async (request, reply) => {
      const token = await auth.completeSecondFactor({
        token: readSessionToken(request),
        answer: request.body,
        site: webAuthnSiteOf(request),
        ...originOf(request),
      });
      setSessionCookie(request, reply, token);
      return sessionFor(token);
    },
  );

  // A passkey's options: for the second step of the sign-in this browser began, or else for a
  // sign-in with a passkey alone (the browser then offers this site's passkeys).
  app.post(
    '/session/passkey-options',
    { config: { access: 'public' }, schema: { response: { 200: passkeyOptionsSchema } } },
    async (request, reply) => {
      const slot = await services.signInChallenges.take(request.ip);
      if ('retryAfterSeconds' in slot) throw new TooManyRequestsError(slot.retryAfterSeconds);
      const pending = await auth.pendingSecondStep(readSessionToken(request));
      return reply.header('cache-control', 'no-store').send(await twoFactor.signInOptions(webAuthnSiteOf(request), pending?.id ?? null));
    },
  );

  app.post(
    '/session/passkey',
    { config: { access: 'public' }, schema: { body: passkeyAnswerSchema, response: { 200: sessionSchema } } },
    async (request, reply) => {
      const token = await auth.signInWithPasskey({
        answer: request.body,
        site: webAuthnSiteOf(request),
        previousToken: readSessionToken(request),
        ...originOf(request),
      });
      setSessionCookie(request, reply, token);
      return sessionFor(token);
    },
  );

  app.delete(
    '/session',
    { config: { access: 'public' }, schema: { response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.signOut(readSessionToken(request));
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );
};
