import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../contract/fields';
import { createUserRequestSchema, updateUserRequestSchema, userListSchema, userSchema } from '../../../contract/users';
import type { Services } from '../../services';
import { actorOf } from './request-auth';

export const usersRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { users } = services;

  app.get('/users', { config: { access: 'viewAccounts' }, schema: { response: { 200: userListSchema } } }, async (request) => ({
    users: await users.list(actorOf(request)),
  }));

  app.post(
    '/users',
    // A new account, or a role or state changed, is a way back in for whoever holds the session.
    { config: { sensitive: true, access: 'manageAccounts', audit: ['user.create'] }, schema: { body: createUserRequestSchema, response: { 201: userSchema } } },
    async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
  );

  app.patch(
    '/users/:id',
    { config: { sensitive: true, access: 'manageAccounts', audit: ['user.update'] }, schema: { params: idParamsSchema, body: updateUserRequestSchema, response: { 200: userSchema } } },
    async (request) => users.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/users/:id',
    { config: { access: 'manageAccounts', audit: ['user.delete'] }, schema: { params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await users.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
