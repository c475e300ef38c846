import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expiringKeysSchema, findKeyRequestSchema, findKeyResponseSchema, keyPolicySchema } from '../../../contract/key-lifecycle';
import type { Services } from '../../services';
import { actorOf } from './request-auth';

/** Organisation settings (the key policy) and "Find key by secret". */
export const settingsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { keyPolicy, keyFinder } = services;

  // Everyone who issues keys needs the policy to offer the right expiry choices.
  app.get('/settings/key-policy', { config: { access: 'signedIn' }, schema: { response: { 200: keyPolicySchema } } }, async (request) => keyPolicy.get(actorOf(request).organizationId));

  app.put('/settings/key-policy', { config: { access: 'manageSettings', audit: ['settings.key_policy'] }, schema: { body: keyPolicySchema, response: { 200: keyPolicySchema } } }, async (request) =>
    keyPolicy.set(actorOf(request), request.body),
  );

  app.get('/keys/expiring-soon', { config: { access: 'signedIn' }, schema: { response: { 200: expiringKeysSchema } } }, async (request) => keyFinder.expiringSoon(actorOf(request)));

  // "Add my current address" in a key's allowed addresses: the address Keyward sees for this client.
  app.get('/client-address', { config: { access: 'signedIn' }, schema: { response: { 200: z.object({ address: z.string() }) } } }, async (request) => ({ address: request.ip }));

  // Answers which key a secret is: as sensitive as the secret itself.
  app.post('/keys/find-by-secret', { config: { sensitive: true, access: 'managePlatformKeys', audit: ['key.find_by_secret'] }, schema: { body: findKeyRequestSchema, response: { 200: findKeyResponseSchema } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return { key: await keyFinder.find(actorOf(request), request.body.secret) };
  });
};
