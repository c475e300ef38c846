import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../../contract/audit';
import { requireCapability } from '../../auth/require-capability';
import { listAuditEvents } from '../../audit/audit-log';
import type { Database } from '../../db/store';
import { actorOf } from './request-auth';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/audit-events',
    { schema: { querystring: auditQuerySchema, response: { 200: auditPageSchema } } },
    async (request) => {
      const actor = actorOf(request);
      requireCapability(actor, 'viewAuditLog');
      return listAuditEvents(db, actor.organizationId, request.query);
    },
  );
};
