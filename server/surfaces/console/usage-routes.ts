import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deploymentKeyParamsSchema } from '../../../contract/deployment-keys';
import { deploymentParamsSchema } from '../../../contract/deployments';
import { idParamsSchema } from '../../../contract/fields';
import { keyUsageReportSchema, usageQuerySchema, usageSeriesSchema, usageSparklinesSchema } from '../../../contract/usage';
import type { Services } from '../../services';
import { actorOf } from './request-auth';

/** Key usage as the console shows it: a deployment's totals, a key's Usage view, list sparklines. */
export const usageRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { usage } = services;
  const access = (request: Parameters<typeof actorOf>[0]) => services.deploymentAccess.forUser(actorOf(request));

  app.get('/deployments/:id/usage', { config: { access: 'signedIn' }, schema: { params: deploymentParamsSchema, querystring: usageQuerySchema, response: { 200: usageSeriesSchema } } }, async (request) =>
    usage.deployment(await access(request), request.params.id, request.query.range),
  );

  app.get('/deployments/:id/keys/usage', { config: { access: 'signedIn' }, schema: { params: deploymentParamsSchema, response: { 200: usageSparklinesSchema } } }, async (request) => ({
    keys: await usage.deploymentSparklines(await access(request), request.params.id),
  }));

  app.get('/platform-keys/usage', { config: { access: 'managePlatformKeys' }, schema: { response: { 200: usageSparklinesSchema } } }, async (request) => ({
    keys: await usage.platformSparklines(actorOf(request)),
  }));

  app.get(
    '/platform-keys/:id/usage',
    { config: { access: 'managePlatformKeys' }, schema: { params: idParamsSchema, querystring: usageQuerySchema, response: { 200: keyUsageReportSchema } } },
    async (request) => usage.platformKey(actorOf(request), request.params.id, request.query.range),
  );

  app.get(
    '/deployments/:id/keys/:keyId/usage',
    { config: { access: 'signedIn' }, schema: { params: deploymentKeyParamsSchema, querystring: usageQuerySchema, response: { 200: keyUsageReportSchema } } },
    async (request) => usage.deploymentKey(await access(request), request.params.id, request.params.keyId, request.query.range),
  );
};
