import { renderSVG } from 'uqr';
import type { Passkey, Reauthentication, RecoveryCodes, SecondFactorMethod, SecondFactorRequest, SecurityStatus, TotpSetup } from '../../../contract/security';
import { twoFactorRequired } from '../../../contract/security';
import { auditActorOfUser, recordAudit } from '../../audit/audit-log';
import type { Database, Executor } from '../../db/store';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../../http/domain-errors';
import type { SecretHasher } from '../../keys/secret-hasher';
import { findTwoFactorPolicy } from '../../organization/organization-data';
import type { SecretBox } from '../../secrets/secret-box';
import { findUserInOrganization } from '../../users/users-data';
import type { Actor } from '../../kernel/actor';
import type { AttemptGuard } from '../attempt-guard';
import type { PasskeyAnswer, PasskeyService, WebAuthnSite } from './passkey-service';
import { countPasskeys, deletePasskey, deletePasskeysOfUser } from './passkeys-data';
import { canonicalRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, stepOfCode, totpUri } from './totp';
import {
  countUnusedRecoveryCodes,
  deleteTotp,
  findTotp,
  replaceRecoveryCodes,
  savePendingTotp,
  takeTotpStep,
  useRecoveryCode,
} from './two-factor-data';
import { ERROR_CODES } from '../../../contract/errors';

const ISSUER = 'Keyward';
const WRONG_CODE = () => new InvalidError('That code is not valid.', undefined, ERROR_CODES.invalidCode);
const LOOKS_LIKE_APP_CODE = /^\s*\d{3}\s?\d{3}\s*$/;

/**
 * An account's second factors: an authenticator app (TOTP, seed sealed at rest), passkeys
 * (WebAuthn, see passkey-service) and ten one-time recovery codes (keyed hashes only). Every
 * change to one's own factors needs proof of a factor held now, and ends the account's other
 * sessions (the caller's `endSessions`).
 */
export function createTwoFactorService(deps: {
  db: Database;
  now: () => number;
  secretBox: SecretBox;
  hasher: SecretHasher;
  passkeys: PasskeyService;
  /** Judges every code and passkey a removal or renewal is proved with (attempt-guard.ts). */
  guard: AttemptGuard;
  /** Ends every session of the account but `keepSessionId` (all of them when it is undefined). */
  endSessions: (userId: string, keepSessionId: string | undefined) => Promise<void>;
}) {
  const { db, now, secretBox, hasher, passkeys } = deps;
  const hashRecoveryCode = (typed: string) => hasher.hash(`recovery-code:${canonicalRecoveryCode(typed)}`);

  /** Whether the account's authenticator app is on (no need to open its seed to know). */
  async function hasApp(db: Executor, userId: string): Promise<boolean> {
    return Boolean((await findTotp(db, userId))?.confirmedAt);
  }

  async function confirmedSecret(db: Executor, userId: string): Promise<string | undefined> {
    const totp = await findTotp(db, userId);
    return totp?.confirmedAt ? secretBox.open(totp.secretSealed) : undefined;
  }

  async function verifyCode(userId: string, method: 'totp' | 'recovery_code', code: string): Promise<boolean> {
    if (method === 'recovery_code') return useRecoveryCode(db, userId, hashRecoveryCode(code), new Date(now()));
    const secret = await confirmedSecret(db, userId);
    const step = secret === undefined ? undefined : stepOfCode(secret, code, now());
    return step !== undefined && takeTotpStep(db, userId, step);
  }

  /**
   * Proof of a factor held now: an app code, a passkey, or (where `recoveryCode` allows) a
   * recovery code, judged by the one attempt guard like every other secret.
   */
  async function reauthenticated(actor: Actor, proof: Reauthentication, site: WebAuthnSite, recoveryCode: boolean): Promise<boolean> {
    return deps.guard.check({ kind: 'factor', account: actor.email, address: actor.address ?? '', userId: actor.userId }, async () => {
      if ('code' in proof) {
        if (LOOKS_LIKE_APP_CODE.test(proof.code)) return verifyCode(actor.userId, 'totp', proof.code);
        return recoveryCode && verifyCode(actor.userId, 'recovery_code', proof.code);
      }
      return (await passkeys.verify(site, 'reauthenticate', proof, actor.userId)) === actor.userId;
    });
  }

  async function factorCount(db: Executor, userId: string): Promise<number> {
    return ((await hasApp(db, userId)) ? 1 : 0) + (await countPasskeys(db, userId));
  }

  async function issueRecoveryCodes(tx: Executor, userId: string): Promise<RecoveryCodes> {
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode), new Date(now()));
    return { codes };
  }

  /** Removing the last factor is refused where the organisation requires one. */
  async function refuseIfLastRequired(actor: Actor): Promise<void> {
    if ((await factorCount(db, actor.userId)) > 1) return;
    if (twoFactorRequired(await findTwoFactorPolicy(db, actor.organizationId), actor.role)) {
      throw new ConflictError('Your organisation requires two-factor authentication: keep at least one factor.', ERROR_CODES.twoFactorRequiredByPolicy);
    }
  }

  /** After a factor went: recovery codes stay only while a factor does. */
  async function dropRecoveryCodesIfNoFactor(tx: Executor, userId: string): Promise<void> {
    if ((await factorCount(tx, userId)) === 0) await replaceRecoveryCodes(tx, userId, [], new Date(now()));
  }

  return {
    /**
     * Checks a factor's answer and uses it up: a TOTP step, a recovery code and a challenge are
     * each good once. The caller judges it through the attempt guard.
     */
    async verify(userId: string, answer: SecondFactorRequest, site: WebAuthnSite, purpose: 'second_factor' | 'reauthenticate'): Promise<boolean> {
      if (answer.method === 'passkey') return (await passkeys.verify(site, purpose, answer, userId)) === userId;
      return verifyCode(userId, answer.method, answer.code);
    },

    /** The methods the second step of this account's sign-in accepts; none: no second step. */
    async methodsOf(userId: string): Promise<SecondFactorMethod[]> {
      const app = await hasApp(db, userId);
      const keys = (await countPasskeys(db, userId)) > 0;
      const methods: SecondFactorMethod[] = [...(app ? (['totp'] as const) : []), ...(keys ? (['passkey'] as const) : [])];
      return methods.length > 0 ? [...methods, 'recovery_code'] : [];
    },

    async status(actor: Actor): Promise<SecurityStatus> {
      const app = await findTotp(db, actor.userId);
      const totp = Boolean(app?.confirmedAt);
      const keys = await passkeys.list(actor.userId);
      return {
        totp,
        totpAddedAt: totp ? app!.confirmedAt!.toISOString() : null,
        totpAddedFrom: totp ? app!.confirmedAddress : null,
        passkeys: keys,
        recoveryCodesLeft: totp || keys.length > 0 ? await countUnusedRecoveryCodes(db, actor.userId) : 0,
        required: twoFactorRequired(await findTwoFactorPolicy(db, actor.organizationId), actor.role),
      };
    },

    /** A new seed to scan; it signs nobody in until `confirmTotp` sees a code from it. */
    async beginTotp(actor: Actor): Promise<TotpSetup> {
      const secret = newTotpSecret();
      if (!(await savePendingTotp(db, actor.userId, secretBox.seal(secret), new Date(now())))) {
        throw new ConflictError('An authenticator app is already set up. Remove it first to set up another.', ERROR_CODES.totpAlreadySetUp);
      }
      const uri = totpUri(secret, actor.email, ISSUER);
      return { secret, uri, qrSvg: renderSVG(uri) };
    },

    /** The first code turns the authenticator on and issues new recovery codes (shown once). */
    async confirmTotp(actor: Actor, code: string, sessionId: string): Promise<RecoveryCodes> {
      const pending = await findTotp(db, actor.userId);
      if (!pending || pending.confirmedAt) throw new ConflictError('Start setting up an authenticator app first.', ERROR_CODES.totpNotPending);
      const step = stepOfCode(secretBox.open(pending.secretSealed), code, now());
      const codes = await db.transaction(async (tx) => {
        if (step === undefined || !(await takeTotpStep(tx, actor.userId, step, new Date(now()), actor.address ?? null))) throw WRONG_CODE();
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.totp_enable', targetType: 'user', targetId: actor.userId, targetLabel: actor.email });
        return issueRecoveryCodes(tx, actor.userId);
      });
      await deps.endSessions(actor.userId, sessionId);
      return codes;
    },

    passkeyRegistrationOptions: (actor: Actor, site: WebAuthnSite) => passkeys.registrationOptions(actor, site),

    /** Adds a verified passkey; the account's first factor comes with recovery codes (shown once). */
    async addPasskey(actor: Actor, site: WebAuthnSite, input: PasskeyAnswer & { name: string }, sessionId: string): Promise<{ passkey: Passkey; recoveryCodes: string[] | null }> {
      const first = (await factorCount(db, actor.userId)) === 0;
      const passkey = await passkeys.register(actor, site, input);
      const recoveryCodes = first ? (await issueRecoveryCodes(db, actor.userId)).codes : null;
      await deps.endSessions(actor.userId, sessionId);
      return { passkey, recoveryCodes };
    },

    /** Options for a passkey: the second step of `userId`'s sign-in, or (null) a passkey-only sign-in. */
    signInOptions: (site: WebAuthnSite, userId: string | null) => passkeys.authenticationOptions(site, userId ? 'second_factor' : 'sign_in', userId),

    /** The account a passkey-only sign-in's passkey belongs to, once verified. */
    passkeyOwner: (site: WebAuthnSite, answer: PasskeyAnswer) => passkeys.verify(site, 'sign_in', answer, null),

    /** Options for proving a passkey before a change to one's factors. */
    reauthenticationOptions: (actor: Actor, site: WebAuthnSite) => passkeys.authenticationOptions(site, 'reauthenticate', actor.userId),

    /** Removes the authenticator app, on proof of a factor (a recovery code counts). */
    async removeTotp(actor: Actor, proof: Reauthentication, site: WebAuthnSite, sessionId: string): Promise<void> {
      if (!(await hasApp(db, actor.userId))) throw new NotFoundError('No authenticator app is set up.');
      await refuseIfLastRequired(actor);
      if (!(await reauthenticated(actor, proof, site, true))) throw WRONG_CODE();
      await db.transaction(async (tx) => {
        await deleteTotp(tx, actor.userId);
        await dropRecoveryCodesIfNoFactor(tx, actor.userId);
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.totp_remove', targetType: 'user', targetId: actor.userId, targetLabel: actor.email });
      });
      await deps.endSessions(actor.userId, sessionId);
    },

    /** Removes one passkey, on proof of a factor (a recovery code counts). */
    async removePasskey(actor: Actor, id: string, proof: Reauthentication, site: WebAuthnSite, sessionId: string): Promise<void> {
      if (!(await passkeys.list(actor.userId)).some((passkey) => passkey.id === id)) throw new NotFoundError('No such passkey.');
      await refuseIfLastRequired(actor);
      if (!(await reauthenticated(actor, proof, site, true))) throw WRONG_CODE();
      await db.transaction(async (tx) => {
        const removed = await deletePasskey(tx, actor.userId, id);
        if (!removed) throw new NotFoundError('No such passkey.');
        await dropRecoveryCodesIfNoFactor(tx, actor.userId);
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.passkey_remove', targetType: 'user', targetId: actor.userId, targetLabel: actor.email, details: { passkey: removed.name } });
      });
      await deps.endSessions(actor.userId, sessionId);
    },

    /** Ten new recovery codes, on an app code or a passkey (not a recovery code); the old ones stop working. */
    async regenerateRecoveryCodes(actor: Actor, proof: Reauthentication, site: WebAuthnSite): Promise<RecoveryCodes> {
      if ((await factorCount(db, actor.userId)) === 0) throw new NotFoundError('Set up an authenticator app or a passkey first.');
      if (!(await reauthenticated(actor, proof, site, false))) throw WRONG_CODE();
      return db.transaction(async (tx) => {
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.recovery_codes', targetType: 'user', targetId: actor.userId, targetLabel: actor.email });
        return issueRecoveryCodes(tx, actor.userId);
      });
    },

    /** Root clears another account's factors (a lost phone); the account signs in again with its password. */
    async reset(actor: Actor, userId: string): Promise<void> {
      const target = await findUserInOrganization(db, actor.organizationId, userId);
      if (!target) throw new NotFoundError('No such account.');
      if (target.role === 'root') throw new ForbiddenError("Root's second factors can only be changed by Root, or with `npm run keyward -- reset-root-2fa` on the server.");
      await db.transaction(async (tx) => {
        await clearFactors(tx, userId, new Date(now()));
        await recordAudit(tx, auditActorOfUser(actor), { action: 'user.two_factor_reset', targetType: 'user', targetId: userId, targetLabel: target.email });
      });
      await deps.endSessions(userId, undefined);
    },
  };
}

/** Every second factor of an account: app, passkeys, recovery codes. */
export async function clearFactors(tx: Executor, userId: string, at: Date): Promise<void> {
  await deleteTotp(tx, userId);
  await deletePasskeysOfUser(tx, userId);
  await replaceRecoveryCodes(tx, userId, [], at);
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
