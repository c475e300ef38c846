import { and, eq, sql } from 'drizzle-orm';
import { MANY_GRANTS, type ReviewedKey, type ReviewReason } from '../../contract/key-review';
import { PLATFORM_SCOPES } from '../../contract/platform-scopes';
import { isUnused } from '../../contract/key-lifecycle-rules';
import type { Actor } from '../kernel/actor';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import type { Database } from '../db/store';
import { deploymentApiKeys, deploymentKeyPermissions, deployments, keyReviews, platformApiKeys, users } from '../db/schema';
import { NotFoundError } from '../http/domain-errors';

interface Facts {
  lastUsedAt: Date | null;
  createdAt: Date | null;
  expiresAt: Date | null;
  fullAccess: boolean;
  grants: number | null;
  /** Created by an account that is gone or disabled (never true for imported legacy keys). */
  creatorGone: boolean;
}

function reasonsOf(facts: Facts, at: number): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (isUnused(facts, at)) reasons.push('unused_30d');
  if (facts.expiresAt === null) reasons.push('never_expires');
  if (facts.fullAccess) reasons.push('full_access');
  if (facts.grants !== null && facts.grants > MANY_GRANTS) reasons.push('many_grants');
  if (facts.creatorGone) reasons.push('creator_gone');
  return reasons;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * The Key review page (Root, Administrators, Auditors): every key of the organisation that is
 * unused for UNUSED_DAYS, never expires, holds full access or more than MANY_GRANTS grants, or was
 * created by an account since removed or disabled; each can be marked reviewed (audited).
 */
export function createKeyReviewService(deps: { db: Database; now: () => number }) {
  const { db, now } = deps;
  return {
    async list(actor: Actor): Promise<ReviewedKey[]> {
      const at = now();
      const grants = sql<number>`(select count(*)::int from ${deploymentKeyPermissions} where ${deploymentKeyPermissions.keyId} = ${deploymentApiKeys.id})`;
      const [deploymentRows, platformRows, reviews] = await Promise.all([
        db
          .select({
            key: deploymentApiKeys,
            deploymentName: deployments.name,
            grants,
            creatorDisabled: users.disabled,
          })
          .from(deploymentApiKeys)
          .innerJoin(deployments, eq(deployments.id, deploymentApiKeys.deploymentId))
          .leftJoin(users, eq(users.id, deploymentApiKeys.createdByUserId))
          .where(eq(deployments.organizationId, actor.organizationId)),
        db
          .select({ key: platformApiKeys, creatorDisabled: users.disabled })
          .from(platformApiKeys)
          .leftJoin(users, eq(users.id, platformApiKeys.createdByUserId))
          .where(eq(platformApiKeys.organizationId, actor.organizationId)),
        db.select().from(keyReviews).where(eq(keyReviews.organizationId, actor.organizationId)),
      ]);
      const reviewed = new Map(reviews.map((review) => [`${review.keyKind}:${review.keyId}`, review]));
      const keys: ReviewedKey[] = [];
      const add = (entry: Omit<ReviewedKey, 'reasons' | 'reviewedAt' | 'reviewedBy'>, facts: Facts) => {
        const reasons = reasonsOf(facts, at);
        if (reasons.length === 0) return;
        const review = reviewed.get(`${entry.kind}:${entry.id}`);
        keys.push({ ...entry, reasons, reviewedAt: iso(review?.reviewedAt ?? null), reviewedBy: review?.reviewedBy ?? null });
      };
      for (const { key, deploymentName, grants: count, creatorDisabled } of deploymentRows) {
        add(
          {
            kind: 'deployment',
            id: key.id,
            label: key.appId,
            note: key.note,
            deployment: { id: key.deploymentId, name: deploymentName },
            createdBy: key.createdByLabel,
            createdAt: iso(key.createdAt),
            lastUsedAt: iso(key.lastUsedAt),
            expiresAt: iso(key.expiresAt),
            disabled: key.disabled,
            grants: key.fullAccess ? null : count,
          },
          {
            lastUsedAt: key.lastUsedAt,
            createdAt: key.createdAt,
            expiresAt: key.expiresAt,
            fullAccess: key.fullAccess,
            grants: key.fullAccess ? null : count,
            creatorGone: !key.legacy && (key.createdByUserId === null || creatorDisabled === true),
          },
        );
      }
      for (const { key, creatorDisabled } of platformRows) {
        add(
          {
            kind: 'platform',
            id: key.id,
            label: key.keyId,
            note: key.note,
            deployment: null,
            createdBy: key.createdByEmail,
            createdAt: iso(key.createdAt),
            lastUsedAt: iso(key.lastUsedAt),
            expiresAt: iso(key.expiresAt),
            disabled: key.disabled,
            grants: null,
          },
          {
            lastUsedAt: key.lastUsedAt,
            createdAt: key.createdAt,
            expiresAt: key.expiresAt,
            // Every scope over every project: a Platform API Key's full access.
            fullAccess: key.projectIds === null && PLATFORM_SCOPES.every((scope) => key.scopes.includes(scope)),
            grants: null,
            creatorGone: key.createdByUserId === null || creatorDisabled === true,
          },
        );
      }
      // Most reasons first, then newest.
      return keys.sort((a, b) => b.reasons.length - a.reasons.length || (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    },

    async markReviewed(actor: Actor, kind: 'deployment' | 'platform', id: string): Promise<void> {
      const label =
        kind === 'deployment'
          ? (
              await db
                .select({ label: deploymentApiKeys.appId, note: deploymentApiKeys.note })
                .from(deploymentApiKeys)
                .innerJoin(deployments, eq(deployments.id, deploymentApiKeys.deploymentId))
                .where(and(eq(deploymentApiKeys.id, id), eq(deployments.organizationId, actor.organizationId)))
            )[0]?.label
          : (
              await db
                .select({ label: platformApiKeys.keyId })
                .from(platformApiKeys)
                .where(and(eq(platformApiKeys.id, id), eq(platformApiKeys.organizationId, actor.organizationId)))
            )[0]?.label;
      if (!label) throw new NotFoundError('No such key.');
      const reviewedAt = new Date(now());
      await db.transaction(async (tx) => {
        await tx
          .insert(keyReviews)
          .values({ organizationId: actor.organizationId, keyKind: kind, keyId: id, reviewedAt, reviewedBy: actor.email })
          .onConflictDoUpdate({ target: [keyReviews.keyKind, keyReviews.keyId], set: { reviewedAt, reviewedBy: actor.email } });
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'key.review',
          targetType: kind === 'deployment' ? 'deployment_key' : 'platform_key',
          targetId: label,
          targetLabel: label,
        });
      });
    },
  };
}

export type KeyReviewService = ReturnType<typeof createKeyReviewService>;
