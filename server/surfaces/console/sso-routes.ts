import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ssoSettingsRequestSchema, ssoSettingsSchema, ssoStatusSchema } from '../../../contract/sso';
import type { Services } from '../../services';
import { SSO_CALLBACK_PATH, SsoRefusal } from '../../sso/sso-service';
import { consoleOriginOf } from './console-origin';
import { actorOf, sessionOf } from './request-auth';
import { readSessionToken, setSessionCookie } from './session-cookie';

/** Binds an SSO attempt to the browser that began it: the provider sends back only the state. */
const ATTEMPT_COOKIE = 'keyward_sso';
const ATTEMPT_COOKIE_PATH = '/api/console/sso';
/** Where a re-authentication through the provider returns to in the console (a path of its own). */
const RETURN_COOKIE = 'keyward_sso_return';
const consolePath = (value: unknown): string => (typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/');

/** Single sign-on: the sign-in page's button, the provider's way back, and the Settings card. */
export const ssoRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { sso, auth } = services;
  const redirectUriOf = (request: FastifyRequest) => `${consoleOriginOf(request)}${SSO_CALLBACK_PATH}`;
  // Back to the sign-in page, which says why in the signed-in account's language.
  const refused = (reply: FastifyReply, error: unknown) => {
    if (!(error instanceof SsoRefusal)) throw error;
    return reply.redirect(`/?sso_error=${error.reason}`, 303);
  };

  app.get('/sso', { config: { access: 'public' }, schema: { response: { 200: ssoStatusSchema } } }, async () => ({ enabled: await sso.enabled() }));

  async function sendToProvider(request: FastifyRequest, reply: FastifyReply, reauthenticate?: { sessionId: string; organizationId: string }) {
    const slot = await services.signInChallenges.take(request.ip);
    if ('retryAfterSeconds' in slot) return reply.redirect('/?sso_error=too_many', 303);
    try {
      const { url, state } = await sso.start(redirectUriOf(request), reauthenticate);
      // Lax, not Strict: the way back is a navigation from the provider's site.
      const cookie = { path: ATTEMPT_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: 600 } as const;
      reply.setCookie(ATTEMPT_COOKIE, state, cookie);
      if (reauthenticate) reply.setCookie(RETURN_COOKIE, consolePath((request.query as { return?: unknown }).return), cookie);
      return reply.redirect(url, 302);
    } catch (error) {
      return refused(reply, error);
    }
  }

  app.get('/sso/start', { config: { access: 'public' } }, (request, reply) => sendToProvider(request, reply));

  // "Confirm it's you" through the provider: a navigation (the provider's pages are its own), so
  // the console's CSRF header cannot come along; the state cookie binds the answer to this browser
  // and the attempt to this session, and the provider must sign the person in again.
  app.get('/sso/reauthenticate', { config: { stages: ['factor_setup'], access: 'signedIn' } }, (request, reply) => {
    const { sessionId, actor } = sessionOf(request);
    return sendToProvider(request, reply, { sessionId, organizationId: actor.organizationId });
  });

  // Its address carries the provider's authorization code: never in an info log line.
  app.get('/sso/callback', { config: { access: 'public', audit: ['user.create', 'account.reauthenticate'] }, logLevel: 'warn' }, async (request, reply) => {
    const bound = request.cookies[ATTEMPT_COOKIE];
    const returnTo = consolePath(request.cookies[RETURN_COOKIE]);
    reply.clearCookie(ATTEMPT_COOKIE, { path: ATTEMPT_COOKIE_PATH });
    reply.clearCookie(RETURN_COOKIE, { path: ATTEMPT_COOKIE_PATH });
    try {
      const { userId, reauthSessionId } = await sso.complete(new URL(request.url, consoleOriginOf(request)), bound);
      if (reauthSessionId) {
        // Only the very session that asked, still signed in as the account the provider named.
        const signedIn = await auth.authenticate(readSessionToken(request));
        if (!signedIn || signedIn.sessionId !== reauthSessionId || signedIn.actor.userId !== userId) throw new SsoRefusal('failed');
        await auth.reauthenticatedThroughSso(signedIn, request.ip);
        return reply.redirect(returnTo, 303);
      }
      const token = await auth.openSession(userId, readSessionToken(request), { address: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(request, reply, token);
      return reply.redirect('/', 303);
    } catch (error) {
      return refused(reply, error);
    }
  });

  app.get('/settings/sso', { config: { access: 'manageSettings' }, schema: { response: { 200: ssoSettingsSchema } } }, async (request) => sso.get(actorOf(request), redirectUriOf(request)));

  app.put('/settings/sso', { config: { sensitive: true, access: 'manageSettings', audit: ['settings.sso'] }, schema: { body: ssoSettingsRequestSchema, response: { 200: ssoSettingsSchema } } }, async (request) =>
    sso.set(actorOf(request), request.body, redirectUriOf(request)),
  );

  app.delete('/settings/sso', { config: { sensitive: true, access: 'manageSettings', audit: ['settings.sso'] }, schema: { response: { 204: z.null() } } }, async (request, reply) => {
    await sso.remove(actorOf(request));
    return reply.status(204).send(null);
  });
};
