import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  CreatedPlatformKey,
  createPlatformKeyRequestSchema,
  PlatformKey,
  updatePlatformKeyRequestSchema,
} from '../../contract/platform-keys';
import type { PlatformScope } from '../../contract/platform-scopes';
import { keyAttributesChange, keyAttributesOf, NEW_KEY_ATTRIBUTES, newKeyAttributes } from '../../contract/key-attributes';
import type { Actor } from '../kernel/actor';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import type { Database } from '../db/store';
import type { PlatformKeyPrincipal } from '../deployments/deployment-access';
import { InvalidError, NotFoundError } from '../http/domain-errors';
import { generateKeyId, generateSecret } from '../keys/key-format';
import type { SecretHasher } from '../keys/secret-hasher';
import type { keyLifecycleChangeSchema } from '../../contract/key-lifecycle';
import { lifecycleColumns, lifecycleView, rollColumns } from '../keys/key-lifecycle';
import { createKeyAuthenticator, type FailureWindows, type KeyAuthRefusal } from '../keys/key-authentication';
import type { KeyPolicyService } from '../organization/key-policy-service';
import { createLastUsedTracker } from './last-used-tracker';
import {
  deletePlatformKey,
  findPlatformKey,
  findPlatformKeyByKeyId,
  insertPlatformKey,
  listPlatformKeys,
  projectNamesOf,
  setPlatformKeyLastUsed,
  updatePlatformKey,
  type PlatformKeyRow,
} from './platform-keys-data';

/** Platform API Keys: who may issue them (Root, Administrators), and checking them on each call. */
export function createPlatformKeysService(deps: {
  db: Database;
  now: () => number;
  hasher: SecretHasher;
  keyPolicy: KeyPolicyService;
  /** Failed authentications, per client network and per Key (`unknown`: naming no stored key). */
  failures: FailureWindows & { unknown: FailureWindows };
  onBackgroundError: (error: unknown) => void;
}) {
  const { db, now, hasher, keyPolicy } = deps;
  const authenticator = createKeyAuthenticator<PlatformKeyRow>({
    hasher,
    now,
    lookup: (keyId) => findPlatformKeyByKeyId(db, keyId),
    failures: deps.failures,
  });
  const lastUsed = createLastUsedTracker({
    now,
    write: (id, at, use) => setPlatformKeyLastUsed(db, id, at, use),
    onError: deps.onBackgroundError,
  });

  function toDto(row: PlatformKeyRow, projectNames: Map<string, string>): PlatformKey {
    return {
      id: row.id,
      key: row.keyId,
      note: row.note,
      ...keyAttributesOf(row),
      scopes: row.scopes as PlatformScope[],
      projects: row.projectIds === null ? null : row.projectIds.map((id) => ({ id, name: projectNames.get(id) ?? id })),
      createdBy: row.createdByEmail,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      ...lifecycleView(row, now()),
    };
  }

  async function reread(actor: Actor, id: string): Promise<PlatformKey> {
    return toDto((await findPlatformKey(db, actor.organizationId, id))!, await projectNamesOf(db, actor.organizationId));
  }

  async function requireKnownProjects(organizationId: string, projectIds: string[] | null | undefined) {
    const names = await projectNamesOf(db, organizationId);
    const unknown = (projectIds ?? []).findIndex((id) => !names.has(id));
    if (unknown >= 0) {
      throw new InvalidError('The request body has invalid fields.', [{ path: `projectIds.${unknown}`, message: 'No such project' }]);
    }
    return names;
  }

  async function requireKey(actor: Actor, id: string): Promise<PlatformKeyRow> {
    const row = await findPlatformKey(db, actor.organizationId, id);
    if (!row) throw new NotFoundError('No such Platform API Key.');
    return row;
  }

  return {
    /** One key, for its page. */
    async get(actor: Actor, id: string): Promise<PlatformKey> {
      return toDto(await requireKey(actor, id), await projectNamesOf(db, actor.organizationId));
    },

    async list(actor: Actor): Promise<PlatformKey[]> {
      const [rows, names] = await Promise.all([listPlatformKeys(db, actor.organizationId), projectNamesOf(db, actor.organizationId)]);
      return rows.map((row) => toDto(row, names));
    },

    /** The only answer that ever holds the Secret; only its HMAC is stored. */
    async create(actor: Actor, input: z.output<typeof createPlatformKeyRequestSchema>): Promise<CreatedPlatformKey> {
      const names = await requireKnownProjects(actor.organizationId, input.projectIds);
      const expiresAt = await keyPolicy.expiryFor(actor.organizationId, input.expiresAt);
      const id = randomUUID();
      const keyId = generateKeyId('platform');
      const secret = generateSecret('platform');
      await db.transaction(async (tx) => {
        await insertPlatformKey(tx, {
          id,
          organizationId: actor.organizationId,
          keyId,
          secretHash: hasher.hash(secret),
          note: input.note,
          ...newKeyAttributes(input),
          scopes: input.scopes,
          projectIds: input.projectIds,
          createdByUserId: actor.userId,
          createdByEmail: actor.email,
          createdAt: new Date(now()),
          expiresAt,
          allowedAddresses: input.allowedAddresses ?? [],
        });
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'platform_key.create',
          targetType: 'platform_key',
          targetId: keyId,
          targetLabel: input.note || keyId,
          details: {
            scopes: input.scopes,
            projectIds: input.projectIds,
            expiresAt: expiresAt?.toISOString() ?? null,
            ...keyAttributesChange(NEW_KEY_ATTRIBUTES, input),
          },
        });
      });
      const row = (await findPlatformKey(db, actor.organizationId, id))!;
      return { ...toDto(row, names), secret };
    },

    async update(actor: Actor, id: string, input: z.output<typeof updatePlatformKeyRequestSchema>): Promise<PlatformKey> {
      const row = await requireKey(actor, id);
      const names = await requireKnownProjects(actor.organizationId, input.projectIds);
      await db.transaction(async (tx) => {
        await updatePlatformKey(tx, id, input);
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'platform_key.update',
          targetType: 'platform_key',
          targetId: row.keyId,
          targetLabel: input.note ?? (row.note || row.keyId),
          // Attributes as before and after (labels in words: `team=payments`), like every other change.
          details: { ...input, ...keyAttributesChange(row, input) },
        });
      });
      return toDto((await findPlatformKey(db, actor.organizationId, id))!, names);
    },

    /** A new Secret for the same Key, shown once; the old one works on for the chosen grace. */
    async roll(actor: Actor, id: string, graceSeconds: number): Promise<CreatedPlatformKey> {
      const row = await requireKey(actor, id);
      const secret = generateSecret('platform');
      const expiresAt = await keyPolicy.capExpiry(actor.organizationId, row.expiresAt);
      await db.transaction(async (tx) => {
        await updatePlatformKey(tx, id, { ...rollColumns(row, hasher.hash(secret), graceSeconds, now()), expiresAt });
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'platform_key.roll',
          targetType: 'platform_key',
          targetId: row.keyId,
          targetLabel: row.note || row.keyId,
          details: { graceSeconds },
        });
      });
      return { ...(await reread(actor, id)), secret };
    },

    /** Expiry, disabled, allowed addresses, or the end of a roll's grace: in force at once. */
    async changeLifecycle(actor: Actor, id: string, change: z.output<typeof keyLifecycleChangeSchema>): Promise<PlatformKey> {
      const row = await requireKey(actor, id);
      const expiresAt = change.expiresAt === undefined ? undefined : await keyPolicy.expiryFor(actor.organizationId, change.expiresAt);
      await db.transaction(async (tx) => {
        await updatePlatformKey(tx, id, lifecycleColumns(change, expiresAt));
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'platform_key.lifecycle',
          targetType: 'platform_key',
          targetId: row.keyId,
          targetLabel: row.note || row.keyId,
          details: { ...change },
        });
      });
      return reread(actor, id);
    },

    /** Revokes at once: every call checks the database, so the next request with it fails. */
    async remove(actor: Actor, id: string): Promise<void> {
      const row = await requireKey(actor, id);
      await db.transaction(async (tx) => {
        await deletePlatformKey(tx, id);
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'platform_key.delete',
          targetType: 'platform_key',
          targetId: row.keyId,
          targetLabel: row.note || row.keyId,
        });
      });
      lastUsed.forget(id);
    },

    /**
     * The key behind a request's Basic credentials, through the one key-authentication pipeline
     * (server/keys). `known` names a key that exists (its secret was wrong, or it is refused), for
     * its usage counts; it is never told to the caller.
     */
    async authenticate(
      authorization: string | undefined,
      address: string,
    ): Promise<{ key: PlatformKeyPrincipal } | { refusal: KeyAuthRefusal; known?: KnownPlatformKey | undefined }> {
      const result = await authenticator.authenticate(authorization, address);
      if (result.outcome === 'refused') {
        const row = result.known;
        return { refusal: result.refusal, known: row && { keyId: row.keyId, organizationId: row.organizationId } };
      }
      const { row } = result;
      lastUsed.touch(row.id, { address, secret: result.secret });
      return {
        key: {
          id: row.id,
          keyId: row.keyId,
          organizationId: row.organizationId,
          scopes: row.scopes as PlatformScope[],
          projectIds: row.projectIds,
          address,
        },
      };
    },
  };
}

export type PlatformKeysService = ReturnType<typeof createPlatformKeysService>;

/** A Platform API Key named by a request, whatever became of it. */
export interface KnownPlatformKey {
  keyId: string;
  organizationId: string;
}
