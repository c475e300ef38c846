import type { Session } from '../../contract/session';
import type { Role } from '../../contract/roles';
import type { KeywardConfig } from '../config';
import type { ChangeNotice } from '../db/change-bus';
import { InvalidatingCache } from '../db/invalidating-cache';
import type { Database } from '../db/store';
import { UnauthenticatedError } from '../http/domain-errors';
import { ERROR_CODES } from '../../contract/errors';
import { findUserByEmail, toUserDto } from '../users/users-data';
import type { Actor } from './actor';
import { verifyAgainstDecoy, verifyPassword } from './password';
import { createSignInGuard } from './sign-in-guard';
import { hashSessionToken, newSessionToken } from './session-token';
import {
  deleteSession,
  findSessionWithUser,
  insertSession,
  touchSession,
} from './sessions-data';

/** Writing last-seen on every request would turn each read into a write; once a minute is plenty. */
const TOUCH_INTERVAL_MS = 60_000;
const CACHED_SESSIONS = 10_000;

export interface AuthenticatedSession {
  actor: Omit<Actor, 'address'>;
  session: Session;
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
  /** Tells this instance's caches and the other instances' that an account changed. */
  announce: (notice: ChangeNotice) => Promise<void>;
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
  const guard = createSignInGuard({ db, now, limits: deps.signInLimits });

  async function endSession(token: string): Promise<void> {
    const userId = await deleteSession(db, hashSessionToken(token));
    if (userId) await announce({ kind: 'user', id: userId });
  }

  async function openSession(userId: string, previousToken: string | undefined): Promise<string> {
    // Rotation: whatever session the browser carried before signing in is dropped, so a session
    // id planted before sign-in is worthless after it.
    if (previousToken) await endSession(previousToken);
    const token = newSessionToken();
    await insertSession(db, hashSessionToken(token), userId, new Date(now()));
    return token;
  }

  return {
    openSession,

    async signIn(input: { email: string; password: string; address: string; previousToken?: string }) {
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
      return { token: await openSession(user.id, input.previousToken) };
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
      if (idleFor > sessionIdleMs || found.user.disabled) {
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
        },
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
