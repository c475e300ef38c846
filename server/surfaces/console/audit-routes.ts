import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from '../../../contract/audit';
import type { Services } from '../../services';
import { actorOf } from './request-auth';

export const auditRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get('/audit-events', { config: { access: 'viewAuditLog' }, schema: { querystring: auditQuerySchema, response: { 200: auditPageSchema } } }, async (request) =>
    services.audit.page(actorOf(request), request.query),
  );

  app.get('/audit-events.csv', { config: { access: 'viewAuditLog' }, schema: { querystring: auditExportQuerySchema } }, async (request, reply) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="keyward-audit-${new Date().toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store')
      .send(await services.audit.csv(actorOf(request), request.query)),
  );
};
