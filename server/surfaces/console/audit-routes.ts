import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUDIT_EXPORT_LIMIT, auditExportQuerySchema, auditPageSchema, auditQuerySchema } from '../../../contract/audit';
import { auditCsvHeader, auditCsvRow } from '../../audit/audit-csv';
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

  /** "Export CSV": the filtered events, newest first, as one file of at most AUDIT_EXPORT_LIMIT rows. */
  app.get('/audit-events.csv', { schema: { querystring: auditExportQuerySchema } }, async (request, reply) => {
    const actor = actorOf(request);
    requireCapability(actor, 'viewAuditLog');
    const chunks = [auditCsvHeader()];
    let before: number | undefined;
    for (let exported = 0; exported < AUDIT_EXPORT_LIMIT; ) {
      const limit = Math.min(200, AUDIT_EXPORT_LIMIT - exported);
      const page = await listAuditEvents(db, actor.organizationId, { ...request.query, before, limit });
      for (const event of page.events) chunks.push(auditCsvRow(event));
      exported += page.events.length;
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="keyward-audit-${new Date().toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store')
      .send(chunks.join(''));
  });
};
