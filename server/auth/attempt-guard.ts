import type { Database } from '../db/store';
import type { CountingWindows } from '../http/counting-windows';
import type { RateWindow } from '../http/sliding-window-limiter';
import { TooManyRequestsError } from '../http/domain-errors';
import { isKnownSignInAddress, rememberSignInAddress } from './sign-in-addresses-data';

const TOO_MANY = 'Too many failed attempts. Try again later.';

/** What is being checked: an account's password, or one of its factors (app code, recovery code, passkey). */
export type SecretKind = 'password' | 'factor';

export interface Attempt {
  kind: SecretKind;
  /** The account's email as typed (limits never tell whether it exists); '' when the secret itself names the account (a passkey-only sign-in). */
  account: string;
  address: string;
  /** The account the email names, if any. */
  userId: string | undefined;
}

/**
 * The one place every secret a person types or presents is judged: passwords and second factors,
 * at sign-in and when confirming it's them again. Each attempt is reserved before it is judged
 * (in one step, so parallel guesses see each other, on every instance on PostgreSQL) and given
 * back only when it was right, so at most the limit is ever evaluated. Client addresses count by
 * network (an IPv6 client by its /64; server/http/client-network.ts).
 * - Every secret: per client network, `perAddress` failures per window.
 * - Passwords: per (account, network), `perAccount` failures; a right password clears that pair.
 *   Past `perAccount` failures for an account from anywhere, networks it never completed a
 *   sign-in from wait 1 s, 2 s, 4 s, ... (up to the window); known ones are never slowed by it,
 *   so nobody can lock the real user out.
 * - Factors: per (account, network) `perAccount` and per account twice that, whatever the
 *   network, and nothing clears them but time: typing the password again does not give a code
 *   guesser fresh tries.
 */
export function createAttemptGuard(deps: { db: Database; now: () => number; limits: { perAccount: RateWindow; perAddress: RateWindow }; windows: CountingWindows }) {
  const { db, now, limits, windows } = deps;
  const perNetwork = windows.create('sign_in.address', limits.perAddress, { perClientNetwork: true });
  const passwordPerPair = windows.create('sign_in.account_address', limits.perAccount);
  const passwordFailures = windows.create('sign_in.account', { max: Number.MAX_SAFE_INTEGER, windowMs: limits.perAccount.windowMs });
  const factorPerPair = windows.create('factor.account_address', limits.perAccount);
  const factorPerAccount = windows.create('factor.account', { max: limits.perAccount.max * 2, windowMs: limits.perAccount.windowMs });
  const freeFailures = limits.perAccount.max;

  /** Seconds a network the account never signed in from must still wait, given its recent failures. */
  async function accountBackoffSeconds(account: string): Promise<number> {
    const failures = await passwordFailures.recent(account);
    if (failures.length < freeFailures) return 0;
    const delayMs = Math.min(1000 * 2 ** (failures.length - freeFailures), limits.perAccount.windowMs);
    const waitMs = failures[failures.length - 1]! + delayMs - now();
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  /** Takes a place in each window at once, or gives back those it got and throws 429. */
  async function takeAll(places: Array<[window: typeof perNetwork, key: string]>): Promise<Array<() => Promise<void>>> {
    const taken = await Promise.all(places.map(([window, key]) => window.take(key)));
    const releases = places.map(([window, key], index) => {
      const place = taken[index]!;
      return () => ('token' in place ? window.release(key, place.token) : Promise.resolve());
    });
    const waits = taken.map((place) => ('retryAfterSeconds' in place ? place.retryAfterSeconds : 0));
    if (waits.some((wait) => wait > 0)) {
      await Promise.all(releases.map((release) => release()));
      throw new TooManyRequestsError(Math.max(...waits), TOO_MANY);
    }
    return releases;
  }

  return {
    /**
     * Judges one secret: reserves the attempt (or throws 429), runs `evaluate`, and gives the
     * attempt back only when its answer is truthy. Answers what `evaluate` answered.
     */
    async check<T>(attempt: Attempt, evaluate: () => Promise<T>): Promise<T> {
      const network = windows.clientNetwork(attempt.address);
      const pairKey = `${attempt.account}\n${network}`;
      const places: Array<[typeof perNetwork, string]> = [[perNetwork, attempt.address]];
      if (attempt.account !== '') {
        if (attempt.kind === 'password') {
          const known = attempt.userId !== undefined && (await isKnownSignInAddress(db, attempt.userId, network));
          const backoff = known ? 0 : await accountBackoffSeconds(attempt.account);
          if (backoff > 0) throw new TooManyRequestsError(backoff, TOO_MANY);
          places.push([passwordPerPair, pairKey]);
        } else {
          places.push([factorPerPair, pairKey], [factorPerAccount, attempt.account]);
        }
      }
      const releases = await takeAll(places);
      const failure = attempt.kind === 'password' && attempt.account !== '' ? await passwordFailures.record(attempt.account) : undefined;
      const result = await evaluate();
      if (result) {
        await Promise.all(releases.map((release) => release()));
        if (failure !== undefined) await Promise.all([passwordPerPair.reset(pairKey), passwordFailures.release(attempt.account, failure)]);
      }
      return result;
    },

    /** A sign-in is complete (every factor passed): its network is one the account is known from. */
    async signedIn(userId: string, address: string): Promise<void> {
      await rememberSignInAddress(db, userId, windows.clientNetwork(address), new Date(now()));
    },
  };
}

export type AttemptGuard = ReturnType<typeof createAttemptGuard>;
