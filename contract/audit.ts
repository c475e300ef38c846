import { z } from 'zod';
import { pageQueryFields, plainText } from './fields';
import { isoDateTimeSchema } from './fields';

export const auditEventSchema = z.object({
  id: z.number(),
  at: isoDateTimeSchema,
  actorType: z.enum(['user', 'platform_key', 'system']),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  address: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  actor: plainText(z.string().trim().max(254)).optional(),
  action: plainText(z.string().trim().max(64)).optional(),
  /** One object's events: a deployment id, an App ID, a Platform API Key, a user or project id. */
  target: plainText(z.string().trim().max(128)).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** `after`: the previous page's `nextCursor`; pages go from newest to oldest. */
  ...pageQueryFields,
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

/** The CSV export takes the list's filters; it is one file of at most this many events, newest first. */
export const AUDIT_EXPORT_LIMIT = 10_000;
export const auditExportQuerySchema = auditQuerySchema.omit({ after: true, limit: true });

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
