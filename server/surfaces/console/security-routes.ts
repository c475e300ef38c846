import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../contract/fields';
import {
  accountSessionsSchema,
  codeRequestSchema,
  recoveryCodesSchema,
  securityStatusSchema,
  totpSetupSchema,
  twoFactorPolicySchema,
  twoFactorRequired,
} from '../../../contract/security';
import { ConflictError, NotFoundError } from '../../http/domain-errors';
import type { Services } from '../../services';
import { actorOf, sessionOf } from './request-auth';
import { clearSessionCookie } from './session-cookie';

// Setting up a required second factor is all a 'factor_setup' session may do.
const SETUP = { stages: ['factor_setup' as const] };
const noStore = { 'cache-control': 'no-store' };

/**
 * The signed-in account's own security (its second factors and sessions), the organisation's
 * two-factor policy, and Root's reset of another account's factors.
 */
export const securityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { auth, twoFactor, twoFactorPolicy } = services;

  app.get('/account/security', { config: SETUP, schema: { response: { 200: securityStatusSchema } } }, async (request) => {
    const actor = actorOf(request);
    return twoFactor.status(actor, await twoFactorPolicy.get(actor.organizationId));
  });

  app.post('/account/totp', { config: SETUP, schema: { response: { 200: totpSetupSchema } } }, async (request, reply) =>
    reply.headers(noStore).send(await twoFactor.beginTotp(actorOf(request))),
  );

  app.post(
    '/account/totp/confirm',
    { config: SETUP, schema: { body: codeRequestSchema, response: { 200: recoveryCodesSchema } } },
    async (request, reply) => {
      const signedIn = sessionOf(request);
      const codes = await twoFactor.confirmTotp(actorOf(request), request.body.code, signedIn.sessionId);
      await auth.activate(signedIn);
      return reply.headers(noStore).send(codes);
    },
  );

  app.delete('/account/totp', { schema: { body: codeRequestSchema, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = actorOf(request);
    if (twoFactorRequired(await twoFactorPolicy.get(actor.organizationId), actor.role)) {
      throw new ConflictError('Your organisation requires two-factor authentication: it cannot be removed.', 'TWO_FACTOR_REQUIRED_BY_POLICY');
    }
    await twoFactor.removeTotp(actor, request.body.code, sessionOf(request).sessionId);
    return reply.status(204).send(null);
  });

  app.post('/account/recovery-codes', { schema: { body: codeRequestSchema, response: { 200: recoveryCodesSchema } } }, async (request, reply) =>
    reply.headers(noStore).send(await twoFactor.regenerateRecoveryCodes(actorOf(request), request.body.code)),
  );

  app.get('/account/sessions', { schema: { response: { 200: accountSessionsSchema } } }, async (request) => ({
    sessions: await auth.sessionsOf(sessionOf(request)),
  }));

  app.delete('/account/sessions/:id', { schema: { params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    if (!(await auth.endSessionOf(actorOf(request), request.params.id))) throw new NotFoundError('No such session.');
    if (request.params.id === sessionOf(request).sessionId) clearSessionCookie(request, reply);
    return reply.status(204).send(null);
  });

  app.delete('/account/sessions', { schema: { response: { 204: z.null() } } }, async (request, reply) => {
    await auth.endAllSessionsOf(actorOf(request));
    clearSessionCookie(request, reply);
    return reply.status(204).send(null);
  });

  app.post('/users/:id/reset-two-factor', { schema: { params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await twoFactor.reset(actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  // Everyone may read it (the Security page says whether it applies to them); administrators set it.
  app.get('/settings/two-factor-policy', { schema: { response: { 200: twoFactorPolicySchema } } }, async (request) => ({
    policy: await twoFactorPolicy.get(actorOf(request).organizationId),
  }));

  app.put('/settings/two-factor-policy', { schema: { body: twoFactorPolicySchema, response: { 200: twoFactorPolicySchema } } }, async (request) => ({
    policy: await twoFactorPolicy.set(actorOf(request), request.body.policy),
  }));
};
