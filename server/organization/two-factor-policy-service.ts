import type { TwoFactorPolicy } from '../../contract/security';
import type { Actor } from '../kernel/actor';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import type { Database } from '../db/store';
import { findTwoFactorPolicy, updateTwoFactorPolicy } from './organization-data';

/**
 * Who must sign in with a second factor. A change applies from each account's next sign-in:
 * an account without one is then sent to set one up before anything else.
 */
export function createTwoFactorPolicyService(deps: { db: Database }) {
  const { db } = deps;
  return {
    get: (organizationId: string) => findTwoFactorPolicy(db, organizationId),

    async set(actor: Actor, policy: TwoFactorPolicy): Promise<TwoFactorPolicy> {
      await db.transaction(async (tx) => {
        const before = await findTwoFactorPolicy(tx, actor.organizationId);
        await updateTwoFactorPolicy(tx, actor.organizationId, policy);
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'settings.two_factor_policy',
          targetType: 'organization',
          targetId: actor.organizationId,
          details: { from: before, to: policy },
        });
      });
      return policy;
    },
  };
}
