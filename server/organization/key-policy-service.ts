import { KEY_LIFETIME_CAP_DAYS, type KeyPolicy } from '../../contract/key-lifecycle';
import type { Actor } from '../kernel/actor';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import type { Database } from '../db/store';
import { InvalidError } from '../http/domain-errors';
import { findKeyPolicy, updateKeyPolicy } from './organization-data';

const DAY_MS = 86_400_000;
/** What a new key gets when its creator says nothing and the policy allows "Never". */
const DEFAULT_LIFETIME_DAYS = 90;

/**
 * The organisation's key policy: the longest a new key (or a rolled one) may live, and whether
 * "Never" is allowed. Keys that exist keep their expiry when the policy changes.
 */
export function createKeyPolicyService(deps: { db: Database; now: () => number }) {
  const { db, now } = deps;

  async function get(organizationId: string): Promise<KeyPolicy> {
    const row = await findKeyPolicy(db, organizationId);
    return { maxKeyLifetimeDays: row?.maxKeyLifetimeDays ?? null, allowNeverExpiring: row?.allowNeverExpiring ?? true };
  }

  return {
    get,

    async set(actor: Actor, policy: KeyPolicy): Promise<KeyPolicy> {
      const before = await get(actor.organizationId);
      await db.transaction(async (tx) => {
        await updateKeyPolicy(tx, actor.organizationId, policy);
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'settings.key_policy',
          targetType: 'organization',
          targetId: actor.organizationId,
          details: { from: before, to: policy },
        });
      });
      return policy;
    },

    /** A rolled key's expiry: as it was, unless the policy's maximum now ends it sooner. */
    async capExpiry(organizationId: string, expiresAt: Date | null): Promise<Date | null> {
      const policy = await get(organizationId);
      if (policy.maxKeyLifetimeDays === null) return expiresAt;
      const latest = now() + policy.maxKeyLifetimeDays * DAY_MS;
      return expiresAt === null || expiresAt.getTime() > latest ? new Date(latest) : expiresAt;
    },

    /**
     * The expiry a new key gets: the one asked for if the policy allows it; when none
     * is given, the policy's maximum, else never (or 90 days where "Never" is not allowed).
     */
    async expiryFor(organizationId: string, requested: string | null | undefined): Promise<Date | null> {
      const policy = await get(organizationId);
      const at = now();
      const latest = policy.maxKeyLifetimeDays === null ? null : at + policy.maxKeyLifetimeDays * DAY_MS;
      const refuse = (message: string): never => {
        throw new InvalidError('The request body has invalid fields.', [{ path: 'expiresAt', message }]);
      };
      if (requested === undefined) {
        if (latest !== null) return new Date(latest);
        return policy.allowNeverExpiring ? null : new Date(at + DEFAULT_LIFETIME_DAYS * DAY_MS);
      }
      if (requested === null) {
        if (!policy.allowNeverExpiring || latest !== null) refuse('The organisation requires keys to expire');
        return null;
      }
      const expiresAt = Date.parse(requested);
      if (expiresAt <= at) refuse('Choose a time in the future');
      if (expiresAt > at + KEY_LIFETIME_CAP_DAYS * DAY_MS) refuse('Keys may live at most 10 years');
      if (latest !== null && expiresAt > latest) refuse(`Keys may live at most ${policy.maxKeyLifetimeDays} days`);
      return new Date(expiresAt);
    },
  };
}

export type KeyPolicyService = ReturnType<typeof createKeyPolicyService>;
