import { EXPIRING_SOON_DAYS, type ExpiringKeys, type FoundKey } from '../../contract/key-lifecycle';
import { can } from '../../contract/roles';
import { accessForUser } from '../deployments/deployment-access';
import type { Actor } from '../kernel/actor';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import type { Database } from '../db/store';
import { findKeyBySecretHash, keysExpiringBetween } from '../deployment-keys/deployment-keys-data';
import { findDeployment } from '../deployments/deployments-data';
import { InvalidError } from '../http/domain-errors';
import { isWellFormedSecret } from '../keys/key-format';
import type { SecretHasher } from '../keys/secret-hasher';
import { findPlatformKeyBySecretHash, platformKeysExpiringBetween } from '../platform-keys/platform-keys-data';

/**
 * "Find key by secret": a secret turned up somewhere (a repository, a log, a ticket); which key
 * is it? Recognised by its prefix and checksum, then looked up by its keyed hash, exactly as a
 * request would be, so the secret is never stored or compared in the clear. Legacy v4 secrets
 * have no recognisable shape and are looked up by hash as well.
 */
export function createKeyFinderService(deps: { db: Database; hasher: SecretHasher; now: () => number }) {
  const { db, hasher, now } = deps;

  return {
    /** Keys the account may manage that stop working within EXPIRING_SOON_DAYS. */
    async expiringSoon(actor: Actor): Promise<ExpiringKeys> {
      const from = new Date(now());
      const to = new Date(now() + EXPIRING_SOON_DAYS * 86_400_000);
      const access = await accessForUser(db, actor);
      const deploymentKeys = access.mayConfigure ? await keysExpiringBetween(db, actor.organizationId, access.visibleProjectIds, from, to) : [];
      const platformKeys = can(actor.role, 'managePlatformKeys') ? await platformKeysExpiringBetween(db, actor.organizationId, from, to) : [];
      return {
        keys: [
          ...platformKeys.map((row) => ({ kind: 'platform' as const, id: row.id, key: row.keyId, note: row.note, expiresAt: row.expiresAt!.toISOString(), deploymentId: null, deploymentName: null })),
          ...deploymentKeys.map((row) => ({ kind: 'deployment' as const, id: row.id, key: row.appId, note: row.note, expiresAt: row.expiresAt!.toISOString(), deploymentId: row.deploymentId, deploymentName: row.deploymentName })),
        ],
      };
    },

    async find(actor: Actor, secret: string): Promise<FoundKey | null> {
      const looksPlatform = isWellFormedSecret('platform', secret);
      const looksDeployment = isWellFormedSecret('deployment', secret);
      if (!looksPlatform && !looksDeployment && /^kw[pd]s_/.test(secret)) {
        throw new InvalidError('The request body has invalid fields.', [{ path: 'secret', message: 'This is not a whole Keyward secret: its checksum does not match' }]);
      }
      const hash = hasher.hash(secret);
      let found: FoundKey | null = null;
      if (!looksDeployment) {
        const row = await findPlatformKeyBySecretHash(db, actor.organizationId, hash);
        if (row) found = { kind: 'platform', id: row.id, key: row.keyId, note: row.note, deploymentId: null, deploymentName: null, previous: row.secretHash !== hash };
      }
      if (!found && !looksPlatform) {
        const row = await findKeyBySecretHash(db, hash);
        const deployment = row && row.organizationId === actor.organizationId ? await findDeployment(db, actor.organizationId, row.deploymentId) : undefined;
        if (row && deployment) {
          found = { kind: 'deployment', id: row.id, key: row.appId, note: row.note, deploymentId: row.deploymentId, deploymentName: deployment.name, previous: row.secretHash !== hash };
        }
      }
      await db.transaction((tx) =>
        recordAudit(tx, auditActorOfUser(actor), {
          action: 'key.find_by_secret',
          targetType: found ? (found.kind === 'platform' ? 'platform_key' : 'deployment_key') : 'key',
          targetId: found?.key ?? null,
          targetLabel: found ? found.note || found.key : null,
          details: { found: found !== null },
        }),
      );
      return found;
    },
  };
}
