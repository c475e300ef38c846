import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ssoSettingsRequestSchema, ssoSettingsSchema, ssoStatusSchema } from '../../../contract/sso';
import type { Services } from '../../services';
import { SSO_CALLBACK_PATH, SsoRefusal } from '../../sso/sso-service';
import { consoleOriginOf } from './console-origin';
import { actorOf } from './request-auth';
import { readSessionToken, setSessionCookie } from './session-cookie';

/** Binds an SSO attempt to the browser that began it: the provider sends back only the state. */
const ATTEMPT_COOKIE = 'keyward_sso';
const ATTEMPT_COOKIE_PATH = '/api/console/sso';

/** Single sign-on: the sign-in page's button, the provider's way back, and the Settings card. */
export const ssoRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { sso, auth } = services;
  const redirectUriOf = (request: FastifyRequest) => `${consoleOriginOf(request)}${SSO_CALLBACK_PATH}`;
  // Back to the sign-in page, which says why in the signed-in account's language.
  const refused = (reply: FastifyReply, error: unknown) => {
    if (!(error instanceof SsoRefusal)) throw error;
    return reply.redirect(`/?sso_error=${error.reason}`, 303);
  };

  app.get('/sso', { config: { public: true }, schema: { response: { 200: ssoStatusSchema } } }, async () => ({ enabled: await sso.enabled() }));

  app.get('/sso/start', { config: { public: true } }, async (request, reply) => {
    const slot = await services.signInChallenges.take(request.ip);
    if ('retryAfterSeconds' in slot) return reply.redirect('/?sso_error=too_many', 303);
    try {
      const { url, state } = await sso.start(redirectUriOf(request));
      // Lax, not Strict: the way back is a navigation from the provider's site.
      reply.setCookie(ATTEMPT_COOKIE, state, { path: ATTEMPT_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: 600 });
      return reply.redirect(url, 302);
    } catch (error) {
      return refused(reply, error);
    }
  });

  // Its address carries the provider's authorization code: never in an info log line.
  app.get('/sso/callback', { config: { public: true }, logLevel: 'warn' }, async (request, reply) => {
    const bound = request.cookies[ATTEMPT_COOKIE];
    reply.clearCookie(ATTEMPT_COOKIE, { path: ATTEMPT_COOKIE_PATH });
    try {
      const { userId } = await sso.complete(new URL(request.url, consoleOriginOf(request)), bound);
      const token = await auth.openSession(userId, readSessionToken(request), { address: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(request, reply, token);
      return reply.redirect('/', 303);
    } catch (error) {
      return refused(reply, error);
    }
  });

  app.get('/settings/sso', { schema: { response: { 200: ssoSettingsSchema } } }, async (request) => sso.get(actorOf(request), redirectUriOf(request)));

  app.put('/settings/sso', { schema: { body: ssoSettingsRequestSchema, response: { 200: ssoSettingsSchema } } }, async (request) =>
    sso.set(actorOf(request), request.body, redirectUriOf(request)),
  );

  app.delete('/settings/sso', { schema: { response: { 204: z.null() } } }, async (request, reply) => {
    await sso.remove(actorOf(request));
    return reply.status(204).send(null);
  });
};
