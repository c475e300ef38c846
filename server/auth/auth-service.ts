import type { Session } from '../../contract/session';
import type { Role } from '../../contract/roles';
import type { ChangeNotice } from '../db/change-bus';
import { InvalidatingCache } from '../db/invalidating-cache';
import type { Database } from '../db/store';
import { ForbiddenError, InvalidError, UnauthenticatedError } from '../http/domain-errors';
import { ERROR_CODES } from '../../contract/errors';
import {
  twoFactorRequired,
  type AccountSession,
  type ConfirmItsYouRequest,
  type ReauthenticationMethod,
  type ReauthenticationStatus,
  type SecondFactorMethod,
  type SecondFactorRequest,
} from '../../contract/security';
import { findTwoFactorPolicy } from '../organization/organization-data';
import { findUserByEmail, findUserById, toUserDto, updateUser } from '../users/users-data';
import type { PasskeyAnswer, WebAuthnSite } from './two-factor/passkey-service';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import type { Actor } from '../kernel/actor';
import { verifyPassword, type PasswordHasher } from '../kernel/password';
import type { AttemptGuard } from './attempt-guard';
import { hashSessionToken, newSessionToken } from './session-token';
import type { TwoFactorService } from './two-factor/two-factor-service';
import {
  deleteSession,
  deleteSessionOfUser,
  deleteSessionsOfUserExcept,
  findSessionsOfUser,
  findSessionWithUser,
  insertSession,
  setSessionReauthenticated,
  setSessionStage,
  touchSession,
  type SessionStage,
} from './sessions-data';

/** Writing last-seen on every request would turn each read into a write; once a minute is plenty. */
const TOUCH_INTERVAL_MS = 60_000;
const CACHED_SESSIONS = 10_000;
const SSO_ONLY = () => new ForbiddenError('Your organisation signs in with single sign-on: use "Sign in with SSO".', ERROR_CODES.ssoRequired);
/** How long the second step of a sign-in may take after the password. */
const SECOND_STEP_MS = 10 * 60_000;

export interface AuthenticatedSession {
  actor: Omit<Actor, 'address'>;
  session: Session;
  /** The session's public id (Security page), and how far its sign-in has got. */
  sessionId: string;
  stage: SessionStage;
  /** When this session last proved it was its owner: the sign-in, or the latest "Confirm it's you". */
  provenAt: number;
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
  /** How recent `provenAt` must be for a sensitive change. */
  reauthenticationMs: number;
  /** Judges every password and factor (attempt-guard.ts). */
  guard: AttemptGuard;
  /** Tells this instance's caches and the other instances' that an account changed. */
  announce: (notice: ChangeNotice) => Promise<void>;
  /** Set once both services exist (each needs the other). */
  twoFactor: () => TwoFactorService;
  /** The organisation signs its (non-Root) accounts in with its identity provider only. */
  ssoOnly: (organizationId: string, role: string) => Promise<boolean>;
  /** The organisation has an identity provider this (non-Root) account may sign in with. */
  ssoAvailable: (organizationId: string, role: string) => Promise<boolean>;
  passwords: PasswordHasher;
}) {
  const { db, now, sessionIdleMs, announce, passwords } = deps;
  // Every console request needs its session: reading it from the database each time would cost
  // more than most pages' own queries. An entry lives until the next last-seen write is due at
  // most, and goes at once when its account changes (a role, a disable, a sign-out), here or on
  // another instance.
  const cache = new InvalidatingCache<CachedSession>(
    { maxEntries: CACHED_SESSIONS },
    (entry, notice) => notice.kind === 'user' && entry.authenticated.actor.userId === notice.id,
  );
  const { guard } = deps;

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
    // Only a sign-in that passed every factor makes its network one the account is known from.
    if (stage !== 'second_factor') await guard.signedIn(userId, origin.address);
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

  type Account = { id: string; email: string; passwordHash: string };

  /** A password typed by the signed-in owner (changing it, confirming it's them), through the guard. */
  const checkPassword = (user: Account, password: string, address: string) =>
    guard.check({ kind: 'password', account: user.email, address, userId: user.id }, () => verifyPassword(password, user.passwordHash));

  /** A code or passkey of `user`'s, through the guard; it is used up when right. */
  const verifyFactor = (user: Account, answer: SecondFactorRequest, site: WebAuthnSite, purpose: 'second_factor' | 'reauthenticate', address: string) =>
    guard.check({ kind: 'factor', account: user.email, address, userId: user.id }, () => deps.twoFactor().verify(user.id, answer, site, purpose));

  const wrongFactor = (answer: SecondFactorRequest) =>
    answer.method === 'passkey'
      ? new UnauthenticatedError('The passkey could not be verified. Try again.', ERROR_CODES.invalidPasskey)
      : new UnauthenticatedError('That code is not valid.', ERROR_CODES.invalidCode);

  /** Until when a session may make sensitive changes without confirming it's its owner again. */
  const freshUntil = (auth: AuthenticatedSession) => auth.provenAt + deps.reauthenticationMs;

  async function markProven(auth: Pick<AuthenticatedSession, 'sessionId' | 'actor'>, method: ReauthenticationMethod, address: string | null): Promise<void> {
    await db.transaction(async (tx) => {
      await setSessionReauthenticated(tx, auth.sessionId, new Date(now()));
      await recordAudit(tx, auditActorOfUser({ ...auth.actor, address }), {
        action: 'account.reauthenticate',
        targetType: 'user',
        targetId: auth.actor.userId,
        targetLabel: auth.actor.email,
        details: { method },
      });
    });
    await announce({ kind: 'user', id: auth.actor.userId });
  }

  return {
    openSession,
    endSessions,

    /** Whether this session may make a sensitive change now (signed in, or confirmed, recently). */
    isFresh: (auth: AuthenticatedSession): boolean => now() <= freshUntil(auth),

    /** What "Confirm it's you" offers this account, and until when the session is fresh. */
    async reauthenticationStatus(auth: AuthenticatedSession): Promise<ReauthenticationStatus> {
      const { organizationId, role, userId } = auth.actor;
      const factors = await deps.twoFactor().methodsOf(userId);
      const methods: ReauthenticationMethod[] = [
        ...((await deps.ssoOnly(organizationId, role)) ? [] : (['password'] as const)),
        ...factors,
        ...((await deps.ssoAvailable(organizationId, role)) ? (['sso'] as const) : []),
      ];
      const until = freshUntil(auth);
      return { methods, freshUntil: until >= now() ? new Date(until).toISOString() : null };
    },

    /**
     * "Confirm it's you": the password (unless the organisation signs in with SSO only), an app
     * code, a recovery code or a passkey, each judged by the one guard; the session is then fresh.
     */
    async reauthenticate(auth: AuthenticatedSession, address: string, request: ConfirmItsYouRequest, site: WebAuthnSite): Promise<void> {
      const user = await findUserById(db, auth.actor.userId);
      if (!user || user.disabled) throw new UnauthenticatedError();
      if (request.method === 'password') {
        if (await deps.ssoOnly(user.organizationId, user.role)) throw SSO_ONLY();
        if (!(await checkPassword(user, request.password, address))) {
          throw new UnauthenticatedError('That password is not right.', ERROR_CODES.wrongPassword);
        }
      } else if (!(await verifyFactor(user, request, site, 'reauthenticate', address))) {
        throw wrongFactor(request);
      }
      await markProven(auth, request.method, address);
    },

    /** The organisation's identity provider confirmed the owner of session `sessionId` again. */
    async reauthenticatedThroughSso(auth: AuthenticatedSession, address: string): Promise<void> {
      await markProven(auth, 'sso', address);
    },

    /**
     * Checks the password. An account with a second factor gets a session that can do nothing
     * but take the second step; one the policy requires a factor of, a session that can only
     * set one up.
     */
    async signIn(input: { email: string; password: string; previousToken?: string } & SignInOrigin): Promise<SignInResult> {
      const user = await findUserByEmail(db, input.email);
      const right = await guard.check({ kind: 'password', account: input.email, address: input.address, userId: user?.id }, async () =>
        user ? (await verifyPassword(input.password, user.passwordHash)) && !user.disabled : passwords.verifyAgainstDecoy(input.password).then(() => false),
      );
      if (!user || !right) {
        // One message for every failure: it never tells whether the email exists or is disabled.
        throw new UnauthenticatedError('Incorrect email or password.', ERROR_CODES.invalidCredentials);
      }
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
      if (!(await verifyFactor(user, input.answer, input.site, 'second_factor', input.address))) throw wrongFactor(input.answer);
      return openSession(user.id, input.token, input);
    },

    /**
     * Sign-in with a passkey alone: it names the account and, verified with user verification,
     * is two factors in itself, so the session is fully signed in. Failed assertions count against
     * the client's network like any other wrong secret.
     */
    async signInWithPasskey(input: { answer: PasskeyAnswer; site: WebAuthnSite; previousToken: string | undefined } & SignInOrigin): Promise<string> {
      const userId = await guard.check({ kind: 'factor', account: '', address: input.address, userId: undefined }, () =>
        deps.twoFactor().passkeyOwner(input.site, input.answer),
      );
      const user = userId ? await findUserById(db, userId) : undefined;
      if (!user || user.disabled) throw new UnauthenticatedError('The passkey could not be verified. Try again.', ERROR_CODES.invalidPasskey);
      if (await deps.ssoOnly(user.organizationId, user.role)) throw SSO_ONLY();
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
      if (!(await checkPassword(user, input.currentPassword, actor.address ?? ''))) {
        throw new InvalidError('The current password is not right.', [{ path: 'currentPassword', message: 'Not right' }], ERROR_CODES.wrongPassword);
      }
      const passwordHash = await passwords.hash(input.newPassword);
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
        provenAt: (found.session.reauthenticatedAt ?? found.session.createdAt).getTime(),
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
