import type { Session } from '../../contract/auth';
import type { Role } from '../../contract/roles';
import type { KeywardConfig } from '../config';
import type { Database } from '../db/store';
import { TooManyRequestsError, UnauthenticatedError } from '../http/domain-errors';
import { ERROR_CODES } from '../../contract/errors';
import { findUserByEmail, toUserDto } from '../users/users-data';
import type { Actor } from './actor';
import { SlidingWindowLimiter } from '../http/sliding-window-limiter';
import { verifyAgainstDecoy, verifyPassword } from './password';
import { hashSessionToken, newSessionToken } from './session-token';
import {
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  touchSession,
} from './sessions-data';

/** Writing last-seen on every request would turn each read into a write; once a minute is plenty. */
const TOUCH_INTERVAL_MS = 60_000;

export interface AuthenticatedSession {
  actor: Omit<Actor, 'address'>;
  session: Session;
}

export function createAuthService(deps: {
  db: Database;
  now: () => number;
  sessionIdleMs: number;
  signInLimits: KeywardConfig['signInLimits'];
}) {
  const { db, now, sessionIdleMs } = deps;
  const perAccount = new SlidingWindowLimiter(deps.signInLimits.perAccount, now);
  const perAddress = new SlidingWindowLimiter(deps.signInLimits.perAddress, now);

  async function openSession(userId: string, previousToken: string | undefined): Promise<string> {
    // Rotation: whatever session the browser carried before signing in is dropped, so a session
    // id planted before sign-in is worthless after it.
    if (previousToken) await deleteSession(db, hashSessionToken(previousToken));
    const token = newSessionToken();
    await insertSession(db, hashSessionToken(token), userId, new Date(now()));
    return token;
  }

  return {
    openSession,

    async signIn(input: { email: string; password: string; address: string; previousToken?: string }) {
      const accountKey = input.email;
      const retryAfter = Math.max(
        perAccount.retryAfterSeconds(accountKey),
        perAddress.retryAfterSeconds(input.address),
      );
      if (retryAfter > 0) throw new TooManyRequestsError(retryAfter, 'Too many failed sign-in attempts. Try again later.');

      const user = await findUserByEmail(db, input.email);
      const passwordMatches = user
        ? await verifyPassword(input.password, user.passwordHash)
        : await verifyAgainstDecoy(input.password);
      if (!user || !passwordMatches || user.disabled) {
        perAccount.record(accountKey);
        perAddress.record(input.address);
        // One message for every failure: it never tells whether the email exists or is disabled.
        throw new UnauthenticatedError('Incorrect email or password.', ERROR_CODES.invalidCredentials);
      }
      perAccount.reset(accountKey);
      return { token: await openSession(user.id, input.previousToken) };
    },

    async signOut(token: string | undefined): Promise<void> {
      if (token) await deleteSession(db, hashSessionToken(token));
    },

    /** The session behind a cookie, or undefined when it is unknown, idle too long or disabled. */
    async authenticate(token: string | undefined): Promise<AuthenticatedSession | undefined> {
      if (!token) return undefined;
      const idHash = hashSessionToken(token);
      const found = await findSessionWithUser(db, idHash);
      if (!found) return undefined;
      const at = now();
      const idleFor = at - found.session.lastSeenAt.getTime();
      if (idleFor > sessionIdleMs || found.user.disabled) {
        await deleteSession(db, idHash);
        return undefined;
      }
      if (idleFor > TOUCH_INTERVAL_MS) await touchSession(db, idHash, new Date(at));
      return {
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
    },

    endSessionsOf: (userId: string) => deleteSessionsOfUser(db, userId),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
