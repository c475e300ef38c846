import type { z } from 'zod';
import { AUDIT_EXPORT_LIMIT, type auditExportQuerySchema, type AuditPage, type auditQuerySchema } from '../../contract/audit';
import type { Database } from '../db/store';
import type { Actor } from '../kernel/actor';
import { decodeCursor, encodeCursor } from '../http/list-cursor';
import { auditCsvHeader, auditCsvRow } from './audit-csv';
import { listAuditEvents } from './audit-log';

/** The Audit Log as its readers see it: a page of events, or the filtered events as one CSV file. */
export function createAuditService(deps: { db: Database }) {
  const { db } = deps;
  return {
    async page(actor: Actor, query: z.output<typeof auditQuerySchema>): Promise<AuditPage> {
      const { after, ...filters } = query;
      const before = decodeCursor(after, ({ id }) => (typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined));
      const page = await listAuditEvents(db, actor.organizationId, { ...filters, before });
      return { events: page.events, nextCursor: page.nextBefore === null ? null : encodeCursor({ id: page.nextBefore }) };
    },

    /** "Export CSV": the filtered events, newest first, at most AUDIT_EXPORT_LIMIT rows. */
    async csv(actor: Actor, query: z.output<typeof auditExportQuerySchema>): Promise<string> {
      const chunks = [auditCsvHeader()];
      let before: number | undefined;
      for (let exported = 0; exported < AUDIT_EXPORT_LIMIT; ) {
        const limit = Math.min(200, AUDIT_EXPORT_LIMIT - exported);
        const page = await listAuditEvents(db, actor.organizationId, { ...query, before, limit });
        for (const event of page.events) chunks.push(auditCsvRow(event));
        exported += page.events.length;
        if (page.nextBefore === null) break;
        before = page.nextBefore;
      }
      return chunks.join('');
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
