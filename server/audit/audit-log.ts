import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '../../contract/audit';
import type { AuditAction } from '../../contract/audit-actions';
import type { Actor } from '../kernel/actor';
import { containsPattern, likeIgnoringCase } from '../db/sql-helpers';
import type { Executor } from '../db/store';
import { auditEvents } from '../db/schema';

/** Who did something: an account, a Platform API Key, or Keyward itself. */
export interface AuditActor {
  organizationId: string;
  type: 'user' | 'platform_key' | 'system';
  id: string | null;
  label: string;
  address: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  targetLabel?: string | null;
  /** Never a secret: callers pass names, roles, scopes, never credentials or key material. */
  details?: Record<string, unknown>;
}

export function auditActorOfUser(actor: Actor): AuditActor {
  return { organizationId: actor.organizationId, type: 'user', id: actor.userId, label: actor.email, address: actor.address };
}

/** Records a change; called inside the transaction that makes it, so both land or neither. */
export async function recordAudit(db: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    organizationId: actor.organizationId,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    address: actor.address,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    targetLabel: entry.targetLabel ?? null,
    details: entry.details ?? null,
  });
}

export async function listAuditEvents(
  db: Executor,
  organizationId: string,
  filter: { actor?: string; action?: string; target?: string; from?: string; to?: string; before?: number; limit: number },
): Promise<{ events: AuditEvent[]; nextBefore: number | null }> {
  const conditions: (SQL | undefined)[] = [eq(auditEvents.organizationId, organizationId)];
  if (filter.actor) {
    conditions.push(or(likeIgnoringCase(auditEvents.actorLabel, containsPattern(filter.actor)), eq(auditEvents.actorId, filter.actor)));
  }
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.target) conditions.push(eq(auditEvents.targetId, filter.target));
  if (filter.from) conditions.push(gte(auditEvents.at, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.at, new Date(filter.to)));
  if (filter.before) conditions.push(lt(auditEvents.id, filter.before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  return {
    events: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorType: row.actorType as AuditEvent['actorType'],
      actorLabel: row.actorLabel,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      targetLabel: row.targetLabel,
      details: row.details ?? null,
      address: row.address,
    })),
    nextBefore: rows.length > filter.limit ? page[page.length - 1]!.id : null,
  };
}
