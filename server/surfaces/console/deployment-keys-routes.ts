import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdDeploymentKeySchema,
  createDeploymentKeyRequestSchema,
  deploymentKeyListQuerySchema,
  deploymentKeyListSchema,
  deploymentKeyParamsSchema,
  deploymentKeySchema,
  deploymentKeyWithDeploymentSchema,
  keyIdParamsSchema,
  updateDeploymentKeyRequestSchema,
  keyInventoryPageSchema,
  keyInventoryQuerySchema,
  testAccessRequestSchema,
  testAccessResultSchema,
} from '../../../contract/deployment-keys';
import { deploymentParamsSchema } from '../../../contract/deployments';
import { keyLifecycleChangeSchema, rollKeyRequestSchema } from '../../../contract/key-lifecycle';
import type { Services } from '../../services';
import { actorOf } from './request-auth';

/** A deployment's "Deployment API Key" section. */
export const deploymentKeysRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { deploymentKeys } = services;
  const access = (request: Parameters<typeof actorOf>[0]) => services.deploymentAccess.forUser(actorOf(request));

  app.get(
    '/deployments/:id/keys',
    { config: { access: 'signedIn' }, schema: { params: deploymentParamsSchema, querystring: deploymentKeyListQuerySchema, response: { 200: deploymentKeyListSchema } } },
    async (request) => deploymentKeys.list(await access(request), request.params.id, request.query),
  );

  app.get(
    '/deployment-keys/:keyId',
    { config: { access: 'signedIn' }, schema: { params: keyIdParamsSchema, response: { 200: deploymentKeyWithDeploymentSchema } } },
    async (request) => deploymentKeys.get(await access(request), request.params.keyId),
  );

  app.get('/deployment-keys', { config: { access: 'signedIn' }, schema: { querystring: keyInventoryQuerySchema, response: { 200: keyInventoryPageSchema } } }, async (request) =>
    services.keyInventory.page(await access(request), request.query),
  );

  app.post(
    '/deployments/:id/keys/test-access',
    { config: { access: 'signedIn' }, schema: { params: deploymentParamsSchema, body: testAccessRequestSchema, response: { 200: testAccessResultSchema } } },
    async (request) => services.accessTester.test(await access(request), request.params.id, request.body),
  );

  app.post(
    '/deployments/:id/keys',
    { config: { access: 'configureDeployments', audit: ['deployment_key.create', 'deployment_key.import_legacy'] }, schema: { params: deploymentParamsSchema, body: createDeploymentKeyRequestSchema, response: { 201: createdDeploymentKeySchema } } },
    async (request, reply) => {
      // The one response that carries an App Secret must never be stored by a cache on the way.
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await deploymentKeys.create(await access(request), request.params.id, request.body));
    },
  );

  app.put(
    '/deployments/:id/keys/:keyId',
    { config: { access: 'configureDeployments', audit: ['deployment_key.update'] }, schema: { params: deploymentKeyParamsSchema, body: updateDeploymentKeyRequestSchema, response: { 200: deploymentKeySchema } } },
    async (request) => deploymentKeys.update(await access(request), request.params.id, request.params.keyId, request.body),
  );

  app.post(
    '/deployments/:id/keys/:keyId/roll',
    { config: { access: 'configureDeployments', audit: ['deployment_key.roll'] }, schema: { params: deploymentKeyParamsSchema, body: rollKeyRequestSchema, response: { 200: createdDeploymentKeySchema } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return deploymentKeys.roll(await access(request), request.params.id, request.params.keyId, request.body.graceSeconds);
    },
  );

  app.patch(
    '/deployments/:id/keys/:keyId/lifecycle',
    { config: { access: 'configureDeployments', audit: ['deployment_key.lifecycle'] }, schema: { params: deploymentKeyParamsSchema, body: keyLifecycleChangeSchema, response: { 200: deploymentKeySchema } } },
    async (request) => deploymentKeys.changeLifecycle(await access(request), request.params.id, request.params.keyId, request.body),
  );

  app.delete('/deployments/:id/keys/:keyId', { config: { access: 'configureDeployments', audit: ['deployment_key.delete'] }, schema: { params: deploymentKeyParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await deploymentKeys.remove(await access(request), request.params.id, request.params.keyId);
    return reply.status(204).send(null);
  });
};
