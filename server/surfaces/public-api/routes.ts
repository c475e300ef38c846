import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deploymentKeySchema, legacyKeyImportSchema } from '../../../contract/deployment-keys';
import { tlsUploadRequestSchema } from '../../../contract/deployments';
import { apiErrorSchema } from '../../../contract/errors';
import {
  publicCreateDeploymentSchema,
  publicDeploymentParamsSchema,
  publicDeploymentSchema,
  publicOperationSchema,
  publicProjectSchema,
  publicTlsSchema,
} from '../../../contract/platform-api';
import { accessForPlatformKey } from '../../deployments/deployment-access';
import { NotFoundError } from '../../http/domain-errors';
import type { Services } from '../../services';
import { platformKeyOf } from './request-principal';
import { generatedDeploymentName, toPublicDeployment, toPublicTls } from './wire-format';

const errors = { 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 422: apiErrorSchema, 429: apiErrorSchema };

export const publicApiRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { deployments, tls, projects, deploymentKeys } = services;
  const access = (request: Parameters<typeof platformKeyOf>[0]) => accessForPlatformKey(platformKeyOf(request));

  app.get(
    '/deployments',
    {
      config: { scope: 'deployment_management' },
      schema: { summary: 'List deployments', tags: ['Deployment Management'], response: { 200: z.array(publicDeploymentSchema), ...errors } },
    },
    async (request) => (await deployments.list(access(request))).map(toPublicDeployment),
  );

  app.post(
    '/deployments',
    {
      config: { scope: 'deployment_management', rateBucket: 'create' },
      schema: {
        summary: 'Create a deployment in a project the key may use (running at once; an administrator sets its upstream in the console)',
        tags: ['Deployment Management'],
        body: publicCreateDeploymentSchema,
        response: { 201: publicDeploymentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { name, ...rest } = request.body;
      const created = await deployments.create(access(request), { ...rest, name: name ?? generatedDeploymentName() });
      return reply.status(201).send(toPublicDeployment(created));
    },
  );

  app.get(
    '/deployments/:deployment_id',
    {
      config: { scope: 'deployment_management' },
      schema: {
        summary: 'Get a deployment and its status',
        tags: ['Deployment Management'],
        params: publicDeploymentParamsSchema,
        response: { 200: publicDeploymentSchema, ...errors },
      },
    },
    async (request) => toPublicDeployment(await deployments.visible(access(request), request.params.deployment_id)),
  );

  for (const operation of ['start', 'stop'] as const) {
    app.post(
      `/deployments/:deployment_id/${operation}`,
      {
        config: { scope: 'deployment_management', rateBucket: operation },
        schema: {
          summary: operation === 'start' ? 'Start a stopped deployment' : 'Stop a running deployment',
          tags: ['Deployment Management'],
          params: publicDeploymentParamsSchema,
          response: { 201: publicOperationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const view = await deployments[operation](access(request), request.params.deployment_id);
        return reply.status(201).send({
          deploymentID: view.id,
          deploymentName: view.name,
          operation: operation === 'start' ? ('starting' as const) : ('stopping' as const),
        });
      },
    );
  }

  app.get(
    '/projects',
    {
      config: { scope: 'project_management' },
      schema: { summary: 'List projects', tags: ['Project Management'], response: { 200: z.array(publicProjectSchema), ...errors } },
    },
    async (request) => {
      const key = platformKeyOf(request);
      const all = await projects.listInOrganization(key.organizationId);
      return all
        .filter((project) => key.projectIds === null || key.projectIds.includes(project.id))
        .map((project) => ({ projectID: project.id, projectName: project.name, description: project.description }));
    },
  );

  const tlsParams = { params: publicDeploymentParamsSchema, tags: ['TLS Certificate Management'] };

  app.get(
    '/deployments/:deployment_id/tls',
    {
      config: { scope: 'tls_certificate_management' },
      schema: { ...tlsParams, summary: "Get the deployment's TLS certificate", response: { 200: publicTlsSchema, ...errors } },
    },
    async (request) => {
      const certificate = await tls.get(access(request), request.params.deployment_id);
      if (!certificate) throw new NotFoundError('This deployment has no TLS certificate.');
      return toPublicTls(certificate);
    },
  );

  for (const [method, mode, summary] of [
    ['POST', 'create', 'Upload a TLS certificate'],
    ['PUT', 'replace', 'Replace the TLS certificate'],
  ] as const) {
    app.route({
      method,
      url: '/deployments/:deployment_id/tls',
      config: { scope: 'tls_certificate_management', rateBucket: 'tls_write' },
      schema: { ...tlsParams, summary, body: tlsUploadRequestSchema, response: { 200: publicTlsSchema, 409: apiErrorSchema, ...errors } },
      handler: async (request) =>
        toPublicTls(await tls.save(access(request), request.params.deployment_id, request.body, mode)),
    });
  }

  app.delete(
    '/deployments/:deployment_id/tls',
    {
      config: { scope: 'tls_certificate_management', rateBucket: 'tls_write' },
      schema: { ...tlsParams, summary: 'Delete the TLS certificate', response: { 200: z.object({}), ...errors } },
    },
    async (request) => {
      await tls.remove(access(request), request.params.deployment_id);
      return {};
    },
  );

  app.post(
    '/deployments/:deployment_id/legacy-api-keys',
    {
      config: { scope: 'legacy_key_import', rateBucket: 'tls_write' },
      schema: {
        summary: 'Import a legacy Dedicated v4 API key (full access; only its hash is kept). Needs the Legacy Key Import scope.',
        tags: ['Deployment Management'],
        params: publicDeploymentParamsSchema,
        body: legacyKeyImportSchema,
        response: { 201: deploymentKeySchema, 409: apiErrorSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deploymentKeys.importLegacy(access(request), request.params.deployment_id, request.body)),
  );
};
