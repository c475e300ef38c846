import type { Session } from '../../contract/session';
import type { Role } from '../../contract/roles';
import type { KeywardConfig } from '../config';
import type { ChangeNotice } from '../db/change-bus';
import { InvalidatingCache } from '../db/invalidating-cache';
import type { Database } from '../db/store';
import type { CountingWindows } from '../http/counting-windows';
import { ForbiddenError, InvalidError, UnauthenticatedError } from '../http/domain-errors';
import { ERROR_CODES } from '../../contract/errors';
import { SECURITY_ERROR_CODES, twoFactorRequired, type SecondFactorMethod, type SecondFactorRequest } from '../../contract/security';
import type { AccountSession } from '../../contract/security';
import { findTwoFactorPolicy } from '../organization/organization-data';
import { findUserByEmail, findUserById, toUserDto, updateUser } from '../users/users-data';
import type { PasskeyAnswer, WebAuthnSite } from './two-factor/passkey-service';
import { rememberSignInAddress } from './sign-in-addresses-data';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import type { Actor } from './actor';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password';
import { createSignInGuard } from './sign-in-guard';
import { hashSessionToken, newSessionToken } from './session-token';
import type { TwoFactorService } from './two-factor/two-factor-service';
import {
  deleteSession,
  deleteSessionOfUser,
  deleteSessionsOfUserExcept,
  findSessionsOfUser,
  findSessionWithUser,
  insertSession,
  setSessionStage,
  touchSession,
  type SessionStage,
} from './sessions-data';

/** Writing last-seen on every request would turn each read into a write; once a minute is plenty. */
const TOUCH_INTERVAL_MS = 60_000;
const CACHED_SESSIONS = 10_000;
const SSO_ONLY = () => new ForbiddenError('Your organisation signs in with single sign-on: use "Sign in with SSO".', 'SSO_REQUIRED');
/** How long the second step of a sign-in may take after the password. */
const SECOND_STEP_MS = 10 * 60_000;

export interface AuthenticatedSession {
  actor: Omit<Actor, 'address'>;
  session: Session;
  /** The session's public id (Security page), and how far its sign-in has got. */
  sessionId: string;
  stage: SessionStage;
}

/** Where a sign-in stands after the password: done, or waiting for a second factor. */
export type SignInResult = { token: string; stage: SessionStage; methods: SecondFactorMethod[] };

/** Where a browser signs in from: shown on the account's Security page. */
export interface SignInOrigin {
  address: string;
  userAgent: string | undefined;
}

interface CachedSession {
  authenticated: AuthenticatedSession;
  /** When this instance last saw the session's last-seen time written. */
  lastSeenAt: number;
}

export function createAuthService(deps: {
  db: Database;
  now: () => number;
  sessionIdleMs: number;
  signInLimits: KeywardConfig['signInLimits'];
  /** Where the sign-in limits count (shared by every instance on PostgreSQL). */
  windows: CountingWindows;
  /** Tells this instance's caches and the other instances' that an account changed. */
  announce: (notice: ChangeNotice) => Promise<void>;
  /** Set once both services exist (each needs the other). */
  twoFactor: () => TwoFactorService;
  /** The organisation signs its (non-Root) accounts in with its identity provider only. */
  ssoOnly: (organizationId: string, role: string) => Promise<boolean>;
}) {
  const { db, now, sessionIdleMs, announce } = deps;
  // Every console request needs its session: reading it from the database each time would cost
  // more than most pages' own queries. An entry lives until the next last-seen write is due at
  // most, and goes at once when its account changes (a role, a disable, a sign-out), here or on
  // another instance.
  const cache = new InvalidatingCache<CachedSession>(
    { maxEntries: CACHED_SESSIONS },
    (entry, notice) => notice.kind === 'user' && entry.authenticated.actor.userId === notice.id,
  );
  const guard = createSignInGuard({ db, now, limits: deps.signInLimits, windows: deps.windows });

  async function endSession(token: string): Promise<void> {
    const userId = await deleteSession(db, hashSessionToken(token));
    if (userId) await announce({ kind: 'user', id: userId });
  }

  async function openSession(userId: string, previousToken: string | undefined, origin: SignInOrigin, stage: SessionStage = 'active'): Promise<string> {
    // Rotation: whatever session the browser carried before signing in is dropped, so a session
    // id planted before sign-in is worthless after it (and after the second step, likewise).
    if (previousToken) await endSession(previousToken);
    const token = newSessionToken();
    const userAgent = origin.userAgent ? origin.userAgent.slice(0, 400) : null;
    await insertSession(db, hashSessionToken(token), userId, new Date(now()), { stage, address: origin.address, userAgent });
    return token;
  }

  /** Ends an account's sessions but one (or all), here and on every instance. */
  async function endSessions(userId: string, keepSessionId: string | undefined): Promise<void> {
    await deleteSessionsOfUserExcept(db, userId, keepSessionId);
    await announce({ kind: 'user', id: userId });
  }

  /** The session a right password opened, while its second step is still open. */
  async function pendingSecondStep(token: string | undefined) {
    const found = token ? await findSessionWithUser(db, hashSessionToken(token)) : undefined;
    const open = found && found.session.stage === 'second_factor' && now() - found.session.createdAt.getTime() <= SECOND_STEP_MS && !found.user.disabled;
    return open ? found.user : undefined;
  }

  return {
    openSession,
    endSessions,

    /**
     * Checks the password. An account with a second factor gets a session that can do nothing
     * but take the second step; one the policy requires a factor of, a session that can only
     * set one up.
     */
    async signIn(input: { email: string; password: string; previousToken?: string } & SignInOrigin): Promise<SignInResult> {
      const user = await findUserByEmail(db, input.email);
      const attempt = await guard.reserve({ account: input.email, address: input.address, userId: user?.id });
      const passwordMatches = user
        ? await verifyPassword(input.password, user.passwordHash)
        : await verifyAgainstDecoy(input.password);
      if (!user || !passwordMatches || user.disabled) {
        // One message for every failure: it never tells whether the email exists or is disabled.
        throw new UnauthenticatedError('Incorrect email or password.', ERROR_CODES.invalidCredentials);
      }
      await attempt.succeeded(user.id);
      if (await deps.ssoOnly(user.organizationId, user.role)) throw SSO_ONLY();
      const methods = await deps.twoFactor().methodsOf(user.id);
      const stage: SessionStage =
        methods.length > 0 ? 'second_factor' : twoFactorRequired(await findTwoFactorPolicy(db, user.organizationId), user.role) ? 'factor_setup' : 'active';
      return { token: await openSession(user.id, input.previousToken, input, stage), stage, methods };
    },

    pendingSecondStep,

    /** The second step: a code or passkey for the session the password opened, then a fresh signed-in session. */
    async completeSecondFactor(input: { token: string | undefined; answer: SecondFactorRequest; site: WebAuthnSite } & SignInOrigin): Promise<string> {
      const user = await pendingSecondStep(input.token);
      if (!user) throw new UnauthenticatedError('Sign in with your password first.');
      // Wrong codes count against the same limits as wrong passwords.
      const attempt = await guard.reserve({ account: user.email, address: input.address, userId: user.id });
      if (!(await deps.twoFactor().verify(user.id, input.answer, input.site))) {
        throw input.answer.method === 'passkey'
          ? new UnauthenticatedError('The passkey could not be verified. Try again.', SECURITY_ERROR_CODES.invalidPasskey)
          : new UnauthenticatedError('That code is not valid.', SECURITY_ERROR_CODES.invalidCode);
      }
      await attempt.succeeded(user.id);
      return openSession(user.id, input.token, input);
    },

    /**
     * Sign-in with a passkey alone: it names the account and, verified with user verification,
     * is two factors in itself, so the session is fully signed in. (A forged assertion cannot be
     * guessed, so no counter limits these.)
     */
    async signInWithPasskey(input: { answer: PasskeyAnswer; site: WebAuthnSite; previousToken: string | undefined } & SignInOrigin): Promise<string> {
      const userId = await deps.twoFactor().passkeyOwner(input.site, input.answer);
      const user = userId ? await findUserById(db, userId) : undefined;
      if (!user || user.disabled) throw new UnauthenticatedError('The passkey could not be verified. Try again.', SECURITY_ERROR_CODES.invalidPasskey);
      if (await deps.ssoOnly(user.organizationId, user.role)) throw SSO_ONLY();
      await rememberSignInAddress(db, user.id, input.address, new Date(now()));
      return openSession(user.id, input.previousToken, input);
    },

    /** The account's signed-in sessions, the caller's own marked. */
    async sessionsOf(auth: AuthenticatedSession): Promise<AccountSession[]> {
      const rows = await findSessionsOfUser(db, auth.actor.userId);
      return rows.map((row) => ({
        id: row.id,
        current: row.id === auth.sessionId,
        userAgent: row.userAgent,
        address: row.address,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
      }));
    },

    /** "Sign out" on one of the account's sessions; false when it has none by that id. */
    async endSessionOf(actor: Actor, sessionId: string): Promise<boolean> {
      const ended = await db.transaction(async (tx) => {
        if (!(await deleteSessionOfUser(tx, actor.userId, sessionId))) return false;
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.sessions_end', targetType: 'user', targetId: actor.userId, targetLabel: actor.email, details: { session: sessionId } });
        return true;
      });
      if (ended) await announce({ kind: 'user', id: actor.userId });
      return ended;
    },

    /**
     * A new password, on the current one (counted like sign-in attempts, so a left-open session
     * is no way to guess it); the account's other sessions end.
     */
    async changePassword(actor: Actor, sessionId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
      const user = await findUserById(db, actor.userId);
      if (!user) throw new UnauthenticatedError();
      const attempt = await guard.reserve({ account: user.email, address: actor.address ?? '', userId: user.id });
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw new InvalidError('The current password is not right.', [{ path: 'currentPassword', message: 'Not right' }], 'WRONG_PASSWORD');
      }
      await attempt.succeeded(user.id);
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await updateUser(tx, user.id, { passwordHash });
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.password_change', targetType: 'user', targetId: user.id, targetLabel: user.email });
      });
      await endSessions(user.id, sessionId);
    },

    /** "Sign out everywhere": every session of the account, this one included. */
    async endAllSessionsOf(actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await deleteSessionsOfUserExcept(tx, actor.userId, undefined);
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.sessions_end', targetType: 'user', targetId: actor.userId, targetLabel: actor.email, details: { session: 'all' } });
      });
      await announce({ kind: 'user', id: actor.userId });
    },

    /** A session that was sent to set up a second factor, once it has one. */
    async activate(auth: AuthenticatedSession): Promise<void> {
      if (auth.stage === 'active') return;
      await setSessionStage(db, auth.sessionId, 'active');
      await announce({ kind: 'user', id: auth.actor.userId });
    },

    async signOut(token: string | undefined): Promise<void> {
      if (token) await endSession(token);
    },

    /** The session behind a cookie, or undefined when it is unknown, idle too long or disabled. */
    async authenticate(token: string | undefined): Promise<AuthenticatedSession | undefined> {
      if (!token) return undefined;
      const idHash = hashSessionToken(token);
      const at = now();
      const cached = cache.get(idHash);
      if (cached && at - cached.lastSeenAt <= TOUCH_INTERVAL_MS) return cached.authenticated;

      const epoch = cache.begin();
      const found = await findSessionWithUser(db, idHash);
      if (!found) return undefined;
      let lastSeenAt = found.session.lastSeenAt.getTime();
      const idleFor = at - lastSeenAt;
      const stage = found.session.stage as SessionStage;
      const secondStepOver = stage === 'second_factor' && at - found.session.createdAt.getTime() > SECOND_STEP_MS;
      if (idleFor > sessionIdleMs || found.user.disabled || secondStepOver) {
        await deleteSession(db, idHash);
        return undefined;
      }
      if (idleFor > TOUCH_INTERVAL_MS) {
        await touchSession(db, idHash, new Date(at));
        lastSeenAt = at;
      }
      const authenticated: AuthenticatedSession = {
        actor: {
          userId: found.user.id,
          organizationId: found.user.organizationId,
          role: found.user.role as Role,
          email: found.user.email,
        },
        session: {
          user: toUserDto(found.user),
          organization: { id: found.organization.id, name: found.organization.name },
          twoFactorSetupRequired: stage === 'factor_setup',
        },
        sessionId: found.session.id,
        stage,
      };
      cache.fill(idHash, { authenticated, lastSeenAt }, epoch);
      return authenticated;
    },

    /** Drops cached sessions a change notice makes stale. */
    invalidate: (notice: ChangeNotice) => cache.invalidate(notice),
    clear: () => cache.clear(),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
