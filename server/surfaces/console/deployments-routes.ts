import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDeploymentRequestSchema,
  deploymentListQuerySchema,
  deploymentListSchema,
  deploymentNameSchema,
  deploymentParamsSchema,
  deploymentSchema,
  tlsSummarySchema,
  tlsUploadRequestSchema,
  upstreamChangeRequestSchema,
  type Deployment,
} from '../../../contract/deployments';
import { platformOfRegion } from '../../../contract/regions';
import type { DeploymentAccess } from '../../deployments/deployment-access';
import { displayableUpstreamUrl } from '../../deployments/upstream-policy';
import type { DeploymentView } from '../../deployments/deployments-service';
import type { Services } from '../../services';
import { actorOf } from './request-auth';

function toDto(view: DeploymentView, access: DeploymentAccess): Deployment {
  return {
    id: view.id,
    name: view.name,
    projectId: view.projectId,
    projectName: view.projectName,
    type: view.type,
    emqxVersion: view.emqxVersion,
    region: view.region,
    platform: platformOfRegion(view.region),
    status: view.status,
    // The upstream is Keyward's own way past its checks: only those who may change it see where it is.
    hasUpstream: view.upstreamUrl !== null,
    upstreamUrl: access.mayConfigureUpstream ? displayableUpstreamUrl(view.upstreamUrl) : null,
    upstreamApiKey: access.mayConfigureUpstream ? view.upstreamApiKey : null,
    hasUpstreamSecret: view.hasUpstreamSecret,
    keyCount: view.keyCount,
    createdAt: view.createdAt.toISOString(),
    permissions: { operate: access.mayOperate, configure: access.mayConfigure, upstream: access.mayConfigureUpstream },
  };
}

const renameSchema = z.object({ name: deploymentNameSchema }).strict();

/** Deployments and their TLS certificate, as the console's Deployments pages use them. */
export const deploymentsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { deployments, tls } = services;
  const access = (request: Parameters<typeof actorOf>[0]) => services.deploymentAccess.forUser(actorOf(request));

  app.get(
    '/deployments',
    { config: { access: 'signedIn' }, schema: { querystring: deploymentListQuerySchema, response: { 200: deploymentListSchema } } },
    async (request) => {
      const principal = await access(request);
      const page = await deployments.page(principal, request.query);
      return { deployments: page.deployments.map((view) => toDto(view, principal)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/deployments',
    { config: { access: 'operateDeployments', audit: ['deployment.create'] }, schema: { body: createDeploymentRequestSchema, response: { 201: deploymentSchema } } },
    async (request, reply) => {
      const principal = await access(request);
      return reply.status(201).send(toDto(await deployments.create(principal, request.body), principal));
    },
  );

  app.get('/deployments/:id', { config: { access: 'signedIn' }, schema: { params: deploymentParamsSchema, response: { 200: deploymentSchema } } }, async (request) => {
    const principal = await access(request);
    return toDto(await deployments.visible(principal, request.params.id), principal);
  });

  app.patch(
    '/deployments/:id',
    { config: { access: 'operateDeployments', audit: ['deployment.rename'] }, schema: { params: deploymentParamsSchema, body: renameSchema, response: { 200: deploymentSchema } } },
    async (request) => {
      const principal = await access(request);
      return toDto(await deployments.rename(principal, request.params.id, request.body.name), principal);
    },
  );

  app.put(
    '/deployments/:id/upstream',
    { config: { access: 'configureUpstreams', audit: ['deployment.upstream_change'] }, schema: { params: deploymentParamsSchema, body: upstreamChangeRequestSchema, response: { 200: deploymentSchema } } },
    async (request) => {
      const principal = await access(request);
      return toDto(await deployments.changeUpstream(principal, request.params.id, request.body), principal);
    },
  );

  app.delete('/deployments/:id', { config: { access: 'operateDeployments', audit: ['deployment.delete'] }, schema: { params: deploymentParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await deployments.remove(await access(request), request.params.id);
    return reply.status(204).send(null);
  });

  for (const operation of ['start', 'stop'] as const) {
    app.post(
      `/deployments/:id/${operation}`,
      { config: { access: 'operateDeployments', audit: [`deployment.${operation}`] }, schema: { params: deploymentParamsSchema, response: { 200: deploymentSchema } } },
      async (request) => {
        const principal = await access(request);
        return toDto(await deployments[operation](principal, request.params.id), principal);
      },
    );
  }

  app.get(
    '/deployments/:id/tls',
    { config: { access: 'signedIn' }, schema: { params: deploymentParamsSchema, response: { 200: z.object({ certificate: tlsSummarySchema.nullable() }) } } },
    async (request) => ({ certificate: await tls.get(await access(request), request.params.id) }),
  );

  app.put(
    '/deployments/:id/tls',
    { config: { access: 'configureDeployments', audit: ['tls.create', 'tls.replace'] }, schema: { params: deploymentParamsSchema, body: tlsUploadRequestSchema, response: { 200: tlsSummarySchema } } },
    async (request) => tls.save(await access(request), request.params.id, request.body, 'upsert'),
  );

  app.delete('/deployments/:id/tls', { config: { access: 'configureDeployments', audit: ['tls.delete'] }, schema: { params: deploymentParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await tls.remove(await access(request), request.params.id);
    return reply.status(204).send(null);
  });
};
