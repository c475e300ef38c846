import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contract/fields';
import {
  createProjectRequestSchema,
  projectListSchema,
  projectMemberParamsSchema,
  projectSchema,
  updateProjectRequestSchema,
} from '../../../contract/projects';
import type { Services } from '../../services';
import { actorOf } from './request-auth';

export const projectsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { projects } = services;

  app.get('/projects', { config: { access: 'signedIn' }, schema: { response: { 200: projectListSchema } } }, async (request) => ({
    projects: await projects.list(actorOf(request)),
  }));

  app.post(
    '/projects',
    { config: { access: 'manageProjects', audit: ['project.create'] }, schema: { body: createProjectRequestSchema, response: { 201: projectSchema } } },
    async (request, reply) => reply.status(201).send(await projects.create(actorOf(request), request.body)),
  );

  app.patch(
    '/projects/:id',
    { config: { access: 'manageProjects', audit: ['project.update'] }, schema: { params: idParamsSchema, body: updateProjectRequestSchema, response: { 200: projectSchema } } },
    async (request) => projects.update(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/projects/:id/members/:userId',
    { config: { access: 'manageProjects', audit: ['project.member_add'] }, schema: { params: projectMemberParamsSchema, response: { 200: projectSchema } } },
    async (request) => projects.addMember(actorOf(request), request.params.id, request.params.userId),
  );

  app.delete(
    '/projects/:id/members/:userId',
    { config: { access: 'manageProjects', audit: ['project.member_remove'] }, schema: { params: projectMemberParamsSchema, response: { 200: projectSchema } } },
    async (request) => projects.removeMember(actorOf(request), request.params.id, request.params.userId),
  );
};
