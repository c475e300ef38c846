import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../contract/fields';
import { keyLifecycleChangeSchema, rollKeyRequestSchema } from '../../../contract/key-lifecycle';
import {
  createdPlatformKeySchema,
  createPlatformKeyRequestSchema,
  platformKeyListSchema,
  platformKeySchema,
  updatePlatformKeyRequestSchema,
} from '../../../contract/platform-keys';
import type { Services } from '../../services';
import { actorOf } from './request-auth';

export const platformKeysRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { platformKeys } = services;

  app.get('/platform-keys', { config: { access: 'managePlatformKeys' }, schema: { response: { 200: platformKeyListSchema } } }, async (request) => ({
    keys: await platformKeys.list(actorOf(request)),
  }));

  app.post(
    '/platform-keys',
    // Mints a long-lived secret for the organisation: only from a recently proven session.
    { config: { sensitive: true, access: 'managePlatformKeys', audit: ['platform_key.create'] }, schema: { body: createPlatformKeyRequestSchema, response: { 201: createdPlatformKeySchema } } },
    async (request, reply) => {
      // The one response that carries a Secret must never be stored by a cache on the way.
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await platformKeys.create(actorOf(request), request.body));
    },
  );

  app.get('/platform-keys/:id', { config: { access: 'managePlatformKeys' }, schema: { params: idParamsSchema, response: { 200: platformKeySchema } } }, async (request) =>
    platformKeys.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/platform-keys/:id',
    { config: { access: 'managePlatformKeys', audit: ['platform_key.update'] }, schema: { params: idParamsSchema, body: updatePlatformKeyRequestSchema, response: { 200: platformKeySchema } } },
    async (request) => platformKeys.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/platform-keys/:id/roll',
    { config: { sensitive: true, access: 'managePlatformKeys', audit: ['platform_key.roll'] }, schema: { params: idParamsSchema, body: rollKeyRequestSchema, response: { 200: createdPlatformKeySchema } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return platformKeys.roll(actorOf(request), request.params.id, request.body.graceSeconds);
    },
  );

  app.patch(
    '/platform-keys/:id/lifecycle',
    { config: { access: 'managePlatformKeys', audit: ['platform_key.lifecycle'] }, schema: { params: idParamsSchema, body: keyLifecycleChangeSchema, response: { 200: platformKeySchema } } },
    async (request) => platformKeys.changeLifecycle(actorOf(request), request.params.id, request.body),
  );

  app.delete('/platform-keys/:id', { config: { access: 'managePlatformKeys', audit: ['platform_key.delete'] }, schema: { params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await platformKeys.remove(actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
};
