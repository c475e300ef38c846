import { renderSVG } from 'uqr';
import type { RecoveryCodes, SecondFactorMethod, SecurityStatus, TotpSetup } from '../../../contract/security';
import { SECURITY_ERROR_CODES, twoFactorRequired, type TwoFactorPolicy } from '../../../contract/security';
import { can } from '../../../contract/roles';
import { auditActorOfUser, recordAudit } from '../../audit/audit-log';
import type { Database, Executor } from '../../db/store';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../../http/domain-errors';
import type { SecretHasher } from '../../keys/secret-hasher';
import type { SecretBox } from '../../secrets/secret-box';
import { findUserInOrganization } from '../../users/users-data';
import type { Actor } from '../actor';
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

const ISSUER = 'Keyward';
const WRONG_CODE = () => new InvalidError('That code is not valid.', undefined, SECURITY_ERROR_CODES.invalidCode);

/**
 * An account's second factors: an authenticator app (TOTP, seed sealed at rest) and ten one-time
 * recovery codes (keyed hashes only). Every change to one's own factors needs a current code,
 * and ends the account's other sessions (the caller's `endOtherSessions`).
 */
export function createTwoFactorService(deps: {
  db: Database;
  now: () => number;
  secretBox: SecretBox;
  hasher: SecretHasher;
  /** Ends every session of the account but `keepSessionId` (all of them when it is undefined). */
  endSessions: (userId: string, keepSessionId: string | undefined) => Promise<void>;
}) {
  const { db, now, secretBox, hasher } = deps;
  const hashRecoveryCode = (typed: string) => hasher.hash(`recovery-code:${canonicalRecoveryCode(typed)}`);

  async function confirmedSecret(db: Executor, userId: string): Promise<string | undefined> {
    const totp = await findTotp(db, userId);
    return totp?.confirmedAt ? secretBox.open(totp.secretSealed) : undefined;
  }

  /** Checks a code and uses it up: a TOTP step is good once, a recovery code is good once. */
  async function verify(userId: string, method: SecondFactorMethod, code: string): Promise<boolean> {
    if (method === 'recovery_code') return useRecoveryCode(db, userId, hashRecoveryCode(code), new Date(now()));
    const secret = await confirmedSecret(db, userId);
    const step = secret === undefined ? undefined : stepOfCode(secret, code, now());
    return step !== undefined && takeTotpStep(db, userId, step);
  }

  /** A current authenticator code, or else an unused recovery code. */
  async function verifyAny(userId: string, code: string): Promise<boolean> {
    return /^\s*\d{3}\s?\d{3}\s*$/.test(code) ? verify(userId, 'totp', code) : verify(userId, 'recovery_code', code);
  }

  async function issueRecoveryCodes(tx: Executor, userId: string): Promise<RecoveryCodes> {
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode), new Date(now()));
    return { codes };
  }

  return {
    verify,

    /** The methods the second step of this account's sign-in accepts; none: no second step. */
    async methodsOf(userId: string): Promise<SecondFactorMethod[]> {
      return (await confirmedSecret(db, userId)) === undefined ? [] : ['totp', 'recovery_code'];
    },

    async status(actor: Actor, policy: TwoFactorPolicy): Promise<SecurityStatus> {
      const totp = await findTotp(db, actor.userId);
      return {
        totp: Boolean(totp?.confirmedAt),
        recoveryCodesLeft: totp?.confirmedAt ? await countUnusedRecoveryCodes(db, actor.userId) : 0,
        required: twoFactorRequired(policy, actor.role),
      };
    },

    /** A new seed to scan; it signs nobody in until `confirmTotp` sees a code from it. */
    async beginTotp(actor: Actor): Promise<TotpSetup> {
      const secret = newTotpSecret();
      if (!(await savePendingTotp(db, actor.userId, secretBox.seal(secret), new Date(now())))) {
        throw new ConflictError('An authenticator app is already set up. Remove it first to set up another.', 'TOTP_ALREADY_SET_UP');
      }
      const uri = totpUri(secret, actor.email, ISSUER);
      return { secret, uri, qrSvg: renderSVG(uri) };
    },

    /** The first code turns the authenticator on and issues recovery codes (shown once). */
    async confirmTotp(actor: Actor, code: string, sessionId: string): Promise<RecoveryCodes> {
      const pending = await findTotp(db, actor.userId);
      if (!pending || pending.confirmedAt) throw new ConflictError('Start setting up an authenticator app first.', 'TOTP_NOT_PENDING');
      const step = stepOfCode(secretBox.open(pending.secretSealed), code, now());
      const codes = await db.transaction(async (tx) => {
        if (step === undefined || !(await takeTotpStep(tx, actor.userId, step, new Date(now())))) throw WRONG_CODE();
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.totp_enable', targetType: 'user', targetId: actor.userId, targetLabel: actor.email });
        return issueRecoveryCodes(tx, actor.userId);
      });
      await deps.endSessions(actor.userId, sessionId);
      return codes;
    },

    /** Removes the authenticator and the recovery codes, on a current code (or a recovery code). */
    async removeTotp(actor: Actor, code: string, sessionId: string): Promise<void> {
      if ((await confirmedSecret(db, actor.userId)) === undefined) throw new NotFoundError('No authenticator app is set up.');
      if (!(await verifyAny(actor.userId, code))) throw WRONG_CODE();
      await db.transaction(async (tx) => {
        await deleteTotp(tx, actor.userId);
        await replaceRecoveryCodes(tx, actor.userId, [], new Date(now()));
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.totp_remove', targetType: 'user', targetId: actor.userId, targetLabel: actor.email });
      });
      await deps.endSessions(actor.userId, sessionId);
    },

    /** Ten new recovery codes for a current authenticator code; the old ones stop working. */
    async regenerateRecoveryCodes(actor: Actor, code: string): Promise<RecoveryCodes> {
      if ((await confirmedSecret(db, actor.userId)) === undefined) throw new NotFoundError('No authenticator app is set up.');
      if (!(await verify(actor.userId, 'totp', code))) throw WRONG_CODE();
      return db.transaction(async (tx) => {
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.recovery_codes', targetType: 'user', targetId: actor.userId, targetLabel: actor.email });
        return issueRecoveryCodes(tx, actor.userId);
      });
    },

    /** Root clears another account's factors (a lost phone); the account signs in again with its password. */
    async reset(actor: Actor, userId: string): Promise<void> {
      if (!can(actor.role, 'resetTwoFactor')) throw new ForbiddenError();
      const target = await findUserInOrganization(db, actor.organizationId, userId);
      if (!target) throw new NotFoundError('No such account.');
      if (target.role === 'root') throw new ForbiddenError("Root's second factors can only be changed by Root, or with `npm run keyward -- reset-root-2fa` on the server.");
      await db.transaction(async (tx) => {
        await deleteTotp(tx, userId);
        await replaceRecoveryCodes(tx, userId, [], new Date(now()));
        await recordAudit(tx, auditActorOfUser(actor), { action: 'user.two_factor_reset', targetType: 'user', targetId: userId, targetLabel: target.email });
      });
      await deps.endSessions(userId, undefined);
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
