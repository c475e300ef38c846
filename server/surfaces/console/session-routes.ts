import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setupRequestSchema, setupStatusSchema, signInRequestSchema } from '../../../contract/auth';
import { sessionSchema } from '../../../contract/session';
import { apiErrorSchema } from '../../../contract/errors';
import { ConflictError, UnauthenticatedError } from '../../http/domain-errors';
import type { Services } from '../../services';
import { sessionOf } from './request-auth';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session-cookie';

/** Setup, sign-in, sign-out and "who am I": the routes a browser needs before anything else. */
export const sessionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { auth, setup } = services;

  async function sessionFor(token: string) {
    const opened = await auth.authenticate(token);
    if (!opened) throw new UnauthenticatedError();
    return opened.session;
  }

  app.get(
    '/setup',
    { config: { public: true }, schema: { response: { 200: setupStatusSchema } } },
    async () => ({ setupRequired: await setup.isSetupRequired() }),
  );

  app.post(
    '/setup',
    {
      config: { public: true },
      schema: { body: setupRequestSchema, response: { 201: sessionSchema, 409: apiErrorSchema } },
    },
    async (request, reply) => {
      if (!(await setup.isSetupRequired())) throw new ConflictError('Keyward is already set up.', 'SETUP_COMPLETE');
      const { rootUserId } = await setup.createOrganization(request.body, request.ip);
      const token = await auth.openSession(rootUserId, readSessionToken(request));
      setSessionCookie(request, reply, token);
      return reply.status(201).send(await sessionFor(token));
    },
  );

  app.get('/session', { schema: { response: { 200: sessionSchema } } }, async (request) => sessionOf(request).session);

  app.post(
    '/session',
    { config: { public: true }, schema: { body: signInRequestSchema, response: { 200: sessionSchema } } },
    async (request, reply) => {
      const { token } = await auth.signIn({
        email: request.body.email,
        password: request.body.password,
        address: request.ip,
        previousToken: readSessionToken(request),
      });
      setSessionCookie(request, reply, token);
      return sessionFor(token);
    },
  );

  app.delete(
    '/session',
    { config: { public: true }, schema: { response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.signOut(readSessionToken(request));
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );
};
