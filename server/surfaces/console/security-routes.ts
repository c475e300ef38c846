import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../contract/fields';
import {
  accountSessionsSchema,
  addPasskeyRequestSchema,
  changePasswordRequestSchema,
  codeRequestSchema,
  confirmItsYouRequestSchema,
  passkeyOptionsSchema,
  passkeySchema,
  reauthenticationSchema,
  reauthenticationStatusSchema,
  recoveryCodesSchema,
  securityStatusSchema,
  totpSetupSchema,
  twoFactorPolicySchema,
} from '../../../contract/security';
import { NotFoundError } from '../../http/domain-errors';
import type { Services } from '../../services';
import { actorOf, sessionOf } from './request-auth';
import { clearSessionCookie, readSessionToken } from './session-cookie';
import { webAuthnSiteOf } from './console-origin';

// Setting up a required second factor is all a 'factor_setup' session may do.
const SETUP = { stages: ['factor_setup' as const] };
// Changes how the account signs in: only within minutes of a sign-in or "Confirm it's you".
const SENSITIVE = { sensitive: true };
const SETUP_SENSITIVE = { ...SETUP, ...SENSITIVE };
const noStore = { 'cache-control': 'no-store' };

/**
 * The signed-in account's own security (its second factors and sessions), the organisation's
 * two-factor policy, and Root's reset of another account's factors.
 */
export const securityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { auth, twoFactor, twoFactorPolicy } = services;

  app.get('/account/security', { config: { ...SETUP, access: 'signedIn' }, schema: { response: { 200: securityStatusSchema } } }, async (request) => twoFactor.status(actorOf(request)));

  app.post('/account/totp', { config: { ...SETUP_SENSITIVE, access: 'signedIn' }, schema: { response: { 200: totpSetupSchema } } }, async (request, reply) =>
    reply.headers(noStore).send(await twoFactor.beginTotp(actorOf(request))),
  );

  app.post(
    '/account/totp/confirm',
    { config: { ...SETUP_SENSITIVE, access: 'signedIn', audit: ['account.totp_enable'] }, schema: { body: codeRequestSchema, response: { 200: recoveryCodesSchema } } },
    async (request, reply) => {
      const signedIn = sessionOf(request);
      const codes = await twoFactor.confirmTotp(actorOf(request), request.body.code, signedIn.sessionId);
      await auth.activate(signedIn);
      return reply.headers(noStore).send(codes);
    },
  );

  app.delete('/account/totp', { config: { ...SENSITIVE, access: 'signedIn', audit: ['account.totp_remove'] }, schema: { body: reauthenticationSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await twoFactor.removeTotp(actorOf(request), request.body, webAuthnSiteOf(request), sessionOf(request).sessionId);
    return reply.status(204).send(null);
  });

  app.post('/account/recovery-codes', { config: { ...SENSITIVE, access: 'signedIn', audit: ['account.recovery_codes'] }, schema: { body: reauthenticationSchema, response: { 200: recoveryCodesSchema } } }, async (request, reply) =>
    reply.headers(noStore).send(await twoFactor.regenerateRecoveryCodes(actorOf(request), request.body, webAuthnSiteOf(request))),
  );

  app.post('/account/passkeys/options', { config: { ...SETUP_SENSITIVE, access: 'signedIn' }, schema: { response: { 200: passkeyOptionsSchema } } }, async (request, reply) =>
    reply.headers(noStore).send(await twoFactor.passkeyRegistrationOptions(actorOf(request), webAuthnSiteOf(request))),
  );

  app.post(
    '/account/passkeys',
    { config: { ...SETUP_SENSITIVE, access: 'signedIn', audit: ['account.passkey_add'] }, schema: { body: addPasskeyRequestSchema, response: { 201: z.object({ passkey: passkeySchema, recoveryCodes: z.array(z.string()).nullable() }) } } },
    async (request, reply) => {
      const signedIn = sessionOf(request);
      const added = await twoFactor.addPasskey(actorOf(request), webAuthnSiteOf(request), request.body, signedIn.sessionId);
      await auth.activate(signedIn);
      return reply.status(201).headers(noStore).send(added);
    },
  );

  app.delete('/account/passkeys/:id', { config: { ...SENSITIVE, access: 'signedIn', audit: ['account.passkey_remove'] }, schema: { params: idParamsSchema, body: reauthenticationSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await twoFactor.removePasskey(actorOf(request), request.params.id, request.body, webAuthnSiteOf(request), sessionOf(request).sessionId);
    return reply.status(204).send(null);
  });

  // A passkey's options for proving presence: "Confirm it's you", removing a factor, renewing recovery codes.
  app.post('/account/reauthentication-options', { config: { ...SETUP, access: 'signedIn' }, schema: { response: { 200: passkeyOptionsSchema } } }, async (request, reply) =>
    reply.headers(noStore).send(await twoFactor.reauthenticationOptions(actorOf(request), webAuthnSiteOf(request))),
  );

  // "Confirm it's you": what this account may confirm with, and until when the session is fresh.
  app.get('/account/reauthentication', { config: { ...SETUP, access: 'signedIn' }, schema: { response: { 200: reauthenticationStatusSchema } } }, async (request, reply) =>
    reply.headers(noStore).send(await auth.reauthenticationStatus(sessionOf(request))),
  );

  app.post('/account/reauthentication', { config: { ...SETUP, access: 'signedIn', audit: ['account.reauthenticate'] }, schema: { body: confirmItsYouRequestSchema, response: { 200: reauthenticationStatusSchema } } }, async (request, reply) => {
    const signedIn = sessionOf(request);
    await auth.reauthenticate(signedIn, request.ip, request.body, webAuthnSiteOf(request));
    const refreshed = await auth.authenticate(readSessionToken(request));
    return reply.headers(noStore).send(await auth.reauthenticationStatus(refreshed ?? signedIn));
  });

  app.post('/account/password', { config: { ...SENSITIVE, access: 'signedIn', audit: ['account.password_change'] }, schema: { body: changePasswordRequestSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await auth.changePassword(actorOf(request), sessionOf(request).sessionId, request.body);
    return reply.status(204).send(null);
  });

  app.get('/account/sessions', { config: { access: 'signedIn' }, schema: { response: { 200: accountSessionsSchema } } }, async (request) => ({
    sessions: await auth.sessionsOf(sessionOf(request)),
  }));

  app.delete('/account/sessions/:id', { config: { ...SENSITIVE, access: 'signedIn', audit: ['account.sessions_end'] }, schema: { params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    if (!(await auth.endSessionOf(actorOf(request), request.params.id))) throw new NotFoundError('No such session.');
    if (request.params.id === sessionOf(request).sessionId) clearSessionCookie(request, reply);
    return reply.status(204).send(null);
  });

  app.delete('/account/sessions', { config: { ...SENSITIVE, access: 'signedIn', audit: ['account.sessions_end'] }, schema: { response: { 204: z.null() } } }, async (request, reply) => {
    await auth.endAllSessionsOf(actorOf(request));
    clearSessionCookie(request, reply);
    return reply.status(204).send(null);
  });

  app.post('/users/:id/reset-two-factor', { config: { ...SENSITIVE, access: 'resetTwoFactor', audit: ['user.two_factor_reset'] }, schema: { params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await twoFactor.reset(actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  // Everyone may read it (the Security page says whether it applies to them); administrators set it.
  app.get('/settings/two-factor-policy', { config: { access: 'signedIn' }, schema: { response: { 200: twoFactorPolicySchema } } }, async (request) => ({
    policy: await twoFactorPolicy.get(actorOf(request).organizationId),
  }));

  app.put('/settings/two-factor-policy', { config: { ...SENSITIVE, access: 'manageSettings', audit: ['settings.two_factor_policy'] }, schema: { body: twoFactorPolicySchema, response: { 200: twoFactorPolicySchema } } }, async (request) => ({
    policy: await twoFactorPolicy.set(actorOf(request), request.body.policy),
  }));
};
