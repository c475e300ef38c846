import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  CreatedDeploymentKey,
  createDeploymentKeyRequestSchema,
  DeploymentKey,
  deploymentKeyListQuerySchema,
  DeploymentKeyPage,
  DeploymentKeyWithDeployment,
  legacyKeyImportSchema,
  updateDeploymentKeyRequestSchema,
} from '../../contract/deployment-keys';
import type { keyLifecycleChangeSchema } from '../../contract/key-lifecycle';
import { lifecycleColumns, lifecycleView, rollColumns } from '../keys/key-lifecycle';
import type { KeyPolicyService } from '../organization/key-policy-service';
import type { Permission } from '../../contract/endpoint-catalog';
import { recordAudit } from '../audit/audit-log';
import type { ChangeNotice } from '../db/change-bus';
import type { Database } from '../db/store';
import { isUniqueViolation } from '../db/postgres-errors';
import type { DeploymentAccess } from '../deployments/deployment-access';
import type { DeploymentsService, DeploymentView } from '../deployments/deployments-service';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../http/domain-errors';
import { generateKeyId, generateSecret } from '../keys/key-format';
import type { SecretHasher } from '../keys/secret-hasher';
import { diffPermissions } from '../../contract/permission-diff';
import { keyAttributesChange, keyAttributesOf, NEW_KEY_ATTRIBUTES, newKeyAttributes, sentKeyAttributes } from '../../contract/key-attributes';
import { catalogForType } from '../permissions/catalogs';
import { validatePermissions } from '../permissions/permission-validation';
import {
  deleteKey,
  findKeyOfDeployment,
  findKeyRecord,
  insertKey,
  listKeysOfDeployment,
  permissionsOf,
  replacePermissions,
  updateKeyAtVersion,
  updateKeyLifecycle,
  type DeploymentKeyCursor,
  type DeploymentKeyRecord,
  type DeploymentKeyRow,
} from './deployment-keys-data';
import { ERROR_CODES } from '../../contract/errors';
import { decodeCursor, encodeCursor, isTimestampText } from '../http/list-cursor';

// A legacy key has no creation time: its cursor carries null.
const readListCursor = (text: string | undefined): DeploymentKeyCursor | undefined =>
  decodeCursor(text, ({ createdAt, appId }) =>
    typeof appId === 'string' && appId.length <= 64 && (createdAt === null || isTimestampText(createdAt)) ? { createdAt, appId } : undefined,
  );

function toDto(row: DeploymentKeyRow, permissions: Permission[], now: number): DeploymentKey {
  return recordToDto(
    {
      ...row,
      createdAt: row.createdAt?.toISOString() ?? null,
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      expiresAt: row.expiresAt?.toISOString() ?? null,
      previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
      permissions,
    },
    now,
  );
}

/** A key as every list hands it out: its grants (none shown for full access) and its lifecycle now. */
export function recordToDto(record: DeploymentKeyRecord, now: number): DeploymentKey {
  return {
    id: record.id,
    appId: record.appId,
    note: record.note,
    ...keyAttributesOf(record),
    fullAccess: record.fullAccess,
    legacy: record.legacy,
    permissions: record.fullAccess ? [] : record.permissions,
    createdBy: record.createdByLabel,
    // The database's ISO text has microseconds and an offset; the API speaks milliseconds, UTC.
    createdAt: record.createdAt === null ? null : new Date(record.createdAt).toISOString(),
    lastUsedAt: record.lastUsedAt === null ? null : new Date(record.lastUsedAt).toISOString(),
    version: record.version,
    ...lifecycleView(record, now),
  };
}

/** Deployment API Keys: who may issue and change them, and what a key may grant. */
export function createDeploymentKeysService(deps: {
  db: Database;
  now: () => number;
  hasher: SecretHasher;
  deployments: DeploymentsService;
  keyPolicy: KeyPolicyService;
  /** Tells the gateway (here and on other instances) that a key changed. */
  announce: (notice: ChangeNotice) => Promise<void>;
}) {
  const { db, now, hasher, deployments, keyPolicy, announce } = deps;

  async function configurable(access: DeploymentAccess, deploymentId: string): Promise<DeploymentView> {
    const deployment = await deployments.visible(access, deploymentId);
    if (!access.mayConfigure) throw new ForbiddenError();
    return deployment;
  }

  function checkedPermissions(deployment: DeploymentView, requested: { method: string; path: string }[]): Permission[] {
    const { permissions, issues } = validatePermissions(catalogForType(deployment.type), requested);
    if (issues.length > 0) throw new InvalidError(`Some permissions are not in this deployment's API: ${issues[0]!.message}.`, issues);
    if (permissions.length === 0) {
      throw new InvalidError('Grant at least one permission.', [{ path: 'permissions', message: 'Grant at least one permission' }]);
    }
    return permissions;
  }

  async function existing(access: DeploymentAccess, deploymentId: string, keyId: string) {
    const deployment = await configurable(access, deploymentId);
    const row = await findKeyOfDeployment(db, deploymentId, keyId);
    if (!row) throw new NotFoundError('No such Deployment API Key.');
    return { deployment, row };
  }

  return {
    /** One key, for its page, with its deployment: if the account may see that deployment. */
    async get(access: DeploymentAccess, keyId: string): Promise<DeploymentKeyWithDeployment> {
      const record = await findKeyRecord(db, access.organizationId, keyId);
      if (!record) throw new NotFoundError('No such Deployment API Key.');
      const deployment = await deployments.visible(access, record.deploymentId);
      return {
        key: recordToDto(record, now()),
        deployment: { id: deployment.id, name: deployment.name, type: deployment.type, projectId: deployment.projectId },
      };
    },

    /** One page of a deployment's keys, oldest first. */
    async list(access: DeploymentAccess, deploymentId: string, query: z.output<typeof deploymentKeyListQuerySchema>): Promise<DeploymentKeyPage> {
      await deployments.visible(access, deploymentId);
      const rows = await listKeysOfDeployment(db, deploymentId, { after: readListCursor(query.after), limit: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const at = now();
      return {
        keys: page.map((record) => recordToDto(record, at)),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, appId: last.appId } satisfies DeploymentKeyCursor) : null,
      };
    },

    /** The only answer that ever holds the App Secret; only its HMAC is stored. */
    async create(
      access: DeploymentAccess,
      deploymentId: string,
      input: z.output<typeof createDeploymentKeyRequestSchema>,
    ): Promise<CreatedDeploymentKey> {
      const deployment = await configurable(access, deploymentId);
      const serverless = deployment.type === 'serverless';
      if (serverless && (input.note || input.permissions)) {
        throw new InvalidError('Serverless keys have full access: send neither a note nor permissions.', [
          ...(input.note ? [{ path: 'note', message: 'Serverless keys take no note' }] : []),
          ...(input.permissions ? [{ path: 'permissions', message: 'Serverless keys take no permissions' }] : []),
        ]);
      }
      const permissions = serverless ? [] : checkedPermissions(deployment, input.permissions ?? []);
      const expiresAt = await keyPolicy.expiryFor(access.organizationId, input.expiresAt);
      const id = randomUUID();
      const appSecret = generateSecret('deployment');
      for (let attempt = 0; ; attempt++) {
        const appId = generateKeyId('deployment');
        try {
          await db.transaction(async (tx) => {
            await insertKey(tx, {
              id,
              organizationId: access.organizationId,
              deploymentId,
              appId,
              secretHash: hasher.hash(appSecret),
              note: input.note ?? '',
              ...newKeyAttributes(input),
              fullAccess: serverless,
              createdByUserId: access.auditActor.type === 'user' ? access.auditActor.id : null,
              createdByLabel: access.auditActor.label,
              createdAt: new Date(now()),
              expiresAt,
              allowedAddresses: input.allowedAddresses ?? [],
            });
            await replacePermissions(tx, id, permissions);
            await recordAudit(tx, access.auditActor, {
              action: 'deployment_key.create',
              targetType: 'deployment_key',
              targetId: appId,
              targetLabel: input.note || appId,
              details: {
                deployment: deploymentId,
                fullAccess: serverless,
                permissions: permissions.length,
                expiresAt: expiresAt?.toISOString() ?? null,
                ...keyAttributesChange(NEW_KEY_ATTRIBUTES, input),
              },
            });
          });
          // The gateway's known-App-ID filter learns the new App ID, here and on every instance.
          await announce({ kind: 'new_key', id: appId });
          const row = (await findKeyOfDeployment(db, deploymentId, id))!;
          return { ...toDto(row, permissions, now()), appSecret };
        } catch (error) {
          if (isUniqueViolation(error) && attempt < 5) continue;
          throw error;
        }
      }
    },

    /** Replaces note and permissions in one transaction, only from the version the edit began at. */
    async update(
      access: DeploymentAccess,
      deploymentId: string,
      keyId: string,
      input: z.output<typeof updateDeploymentKeyRequestSchema>,
    ): Promise<DeploymentKey> {
      const { deployment, row } = await existing(access, deploymentId, keyId);
      if (row.fullAccess) throw new InvalidError('Full-access keys (Serverless and legacy) have no permissions to edit.');
      const permissions = checkedPermissions(deployment, input.permissions);
      await db.transaction(async (tx) => {
        if (!(await updateKeyAtVersion(tx, keyId, input.version, { note: input.note, ...sentKeyAttributes(input) }))) {
          throw new ConflictError('Someone else changed this key since you opened it. Reload it and edit again.', ERROR_CODES.keyVersionConflict);
        }
        const before = (await permissionsOf(tx, [keyId])).get(keyId) ?? [];
        await replacePermissions(tx, keyId, permissions);
        await recordAudit(tx, access.auditActor, {
          action: 'deployment_key.update',
          targetType: 'deployment_key',
          targetId: row.appId,
          targetLabel: input.note || row.appId,
          details: {
            deployment: deploymentId,
            permissions: permissions.length,
            ...diffPermissions(before, permissions),
            ...(row.note !== input.note ? { note: { from: row.note, to: input.note } } : {}),
            ...keyAttributesChange(row, input),
          },
        });
      });
      await announce({ kind: 'key', id: row.appId });
      const updated = (await findKeyOfDeployment(db, deploymentId, keyId))!;
      return toDto(updated, permissions, now());
    },

    /**
     * A new secret for the same App ID, shown once; the old one keeps working for the chosen
     * grace (none: it stops at once). The policy's maximum lifetime applies from the roll.
     */
    async roll(access: DeploymentAccess, deploymentId: string, keyId: string, graceSeconds: number): Promise<CreatedDeploymentKey> {
      const { row } = await existing(access, deploymentId, keyId);
      const appSecret = generateSecret('deployment');
      const at = now();
      const capped = await keyPolicy.capExpiry(access.organizationId, row.expiresAt);
      await db.transaction(async (tx) => {
        await updateKeyLifecycle(tx, keyId, { ...rollColumns(row, hasher.hash(appSecret), graceSeconds, at), expiresAt: capped });
        await recordAudit(tx, access.auditActor, {
          action: 'deployment_key.roll',
          targetType: 'deployment_key',
          targetId: row.appId,
          targetLabel: row.note || row.appId,
          details: { deployment: deploymentId, graceSeconds },
        });
      });
      await announce({ kind: 'key', id: row.appId });
      return { ...(await this.one(access, deploymentId, keyId)), appSecret };
    },

    /** Expiry, disabled, allowed addresses, or the end of a roll's grace: in force at once. */
    async changeLifecycle(access: DeploymentAccess, deploymentId: string, keyId: string, change: z.output<typeof keyLifecycleChangeSchema>): Promise<DeploymentKey> {
      const { row } = await existing(access, deploymentId, keyId);
      const expiresAt = change.expiresAt === undefined ? undefined : await keyPolicy.expiryFor(access.organizationId, change.expiresAt);
      await db.transaction(async (tx) => {
        await updateKeyLifecycle(tx, keyId, lifecycleColumns(change, expiresAt));
        await recordAudit(tx, access.auditActor, {
          action: 'deployment_key.lifecycle',
          targetType: 'deployment_key',
          targetId: row.appId,
          targetLabel: row.note || row.appId,
          details: { deployment: deploymentId, ...change },
        });
      });
      await announce({ kind: 'key', id: row.appId });
      return this.one(access, deploymentId, keyId);
    },

    async one(access: DeploymentAccess, deploymentId: string, keyId: string): Promise<DeploymentKey> {
      await deployments.visible(access, deploymentId);
      const row = await findKeyOfDeployment(db, deploymentId, keyId);
      if (!row) throw new NotFoundError('No such Deployment API Key.');
      return toDto(row, (await permissionsOf(db, [row.id])).get(row.id) ?? [], now());
    },

    /** Revokes at once: the key row goes, with its permissions, and caches are told. */
    async remove(access: DeploymentAccess, deploymentId: string, keyId: string): Promise<void> {
      const { row } = await existing(access, deploymentId, keyId);
      await db.transaction(async (tx) => {
        await deleteKey(tx, keyId);
        await recordAudit(tx, access.auditActor, {
          action: 'deployment_key.delete',
          targetType: 'deployment_key',
          targetId: row.appId,
          targetLabel: row.note || row.appId,
          details: { deployment: deploymentId },
        });
      });
      await announce({ kind: 'key', id: row.appId });
    },

    /**
     * Imports a Dedicated v4 key issued before permissions existed: full access, blank note, no
     * creation time, no edit. Only the HMAC of its secret is kept.
     */
    async importLegacy(access: DeploymentAccess, deploymentId: string, input: z.output<typeof legacyKeyImportSchema>): Promise<DeploymentKey> {
      const deployment = await deployments.visible(access, deploymentId);
      if (!access.mayImportLegacyKeys) throw new ForbiddenError();
      if (deployment.type !== 'dedicated_v4') {
        throw new InvalidError('Legacy API keys exist only on Dedicated v4 deployments.', undefined, ERROR_CODES.deploymentTypeUnsupported);
      }
      // An imported key obeys the key policy (maximum lifetime, expiry required) like a new one.
      const expiresAt = await keyPolicy.expiryFor(access.organizationId, input.expiresAt);
      const id = randomUUID();
      try {
        await db.transaction(async (tx) => {
          await insertKey(tx, {
            id,
            organizationId: access.organizationId,
            deploymentId,
            appId: input.appId,
            secretHash: hasher.hash(input.appSecret),
            note: '',
            fullAccess: true,
            legacy: true,
            createdAt: null,
            expiresAt,
          });
          await recordAudit(tx, access.auditActor, {
            action: 'deployment_key.import_legacy',
            targetType: 'deployment_key',
            targetId: input.appId,
            targetLabel: input.appId,
            details: { deployment: deploymentId, expiresAt: expiresAt?.toISOString() ?? null },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('A key with this App ID already exists.', ERROR_CODES.appIdTaken);
        throw error;
      }
      await announce({ kind: 'new_key', id: input.appId });
      return toDto((await findKeyOfDeployment(db, deploymentId, id))!, [], now());
    },
  };
}

export type DeploymentKeysService = ReturnType<typeof createDeploymentKeysService>;
