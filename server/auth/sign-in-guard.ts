import type { KeywardConfig } from '../config';
import type { Database } from '../db/store';
import type { CountingWindows } from '../http/counting-windows';
import { TooManyRequestsError } from '../http/domain-errors';
import { isKnownSignInAddress, rememberSignInAddress } from './sign-in-addresses-data';

const TOO_MANY = 'Too many failed sign-in attempts. Try again later.';

/**
 * When a sign-in attempt may be judged, so that guessing is slow and nobody can lock the real
 * user out:
 * - per (account, client address) and per client address, a fixed number of failures per window
 *   (an attacker's failures only ever block the attacker's own address);
 * - per account, past that same number of failures from anywhere, attempts from addresses the
 *   account has never signed in from wait an exponentially growing delay (1 s, 2 s, 4 s, ... up to
 *   the window). Addresses it has signed in from before are never slowed by it.
 * Every attempt is reserved before its password is checked and released if it was right, so
 * parallel guesses cannot all slip past the counters together. On PostgreSQL the counts are
 * shared by every instance (server/http/counting-windows.ts).
 */
export function createSignInGuard(deps: { db: Database; now: () => number; limits: KeywardConfig['signInLimits']; windows: CountingWindows }) {
  const { db, now, limits, windows } = deps;
  const perAccountAddress = windows.create('sign_in.account_address', limits.perAccount);
  const perAddress = windows.create('sign_in.address', limits.perAddress);
  const perAccount = windows.create('sign_in.account', { max: Number.MAX_SAFE_INTEGER, windowMs: limits.perAccount.windowMs });
  const freeFailures = limits.perAccount.max;

  /** Seconds a new address must still wait, given the account's recent failures. */
  async function accountBackoffSeconds(account: string): Promise<number> {
    const failures = await perAccount.recent(account);
    if (failures.length < freeFailures) return 0;
    const delayMs = Math.min(1000 * 2 ** (failures.length - freeFailures), limits.perAccount.windowMs);
    const waitMs = failures[failures.length - 1]! + delayMs - now();
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  return {
    /**
     * Reserves one attempt, or throws 429. `userId` is the account the email names, if any: an
     * unknown email is limited just like a known one, so limits say nothing about existence.
     */
    async reserve(attempt: { account: string; address: string; userId: string | undefined }) {
      const pairKey = `${attempt.account}\n${attempt.address}`;
      const known = attempt.userId !== undefined && (await isKnownSignInAddress(db, attempt.userId, attempt.address));
      const backoff = known ? 0 : await accountBackoffSeconds(attempt.account);
      if (backoff > 0) throw new TooManyRequestsError(backoff, TOO_MANY);
      // Counted before the (slow) password check, each in one step, so parallel attempts see
      // each other; released below if the password turns out right. (Taken together, without an
      // await in between: in memory that is one synchronous step.)
      const [pair, address] = await Promise.all([perAccountAddress.take(pairKey), perAddress.take(attempt.address)]);
      if ('retryAfterSeconds' in pair || 'retryAfterSeconds' in address) {
        if ('token' in pair) await perAccountAddress.release(pairKey, pair.token);
        if ('token' in address) await perAddress.release(attempt.address, address.token);
        const wait = Math.max('retryAfterSeconds' in pair ? pair.retryAfterSeconds : 0, 'retryAfterSeconds' in address ? address.retryAfterSeconds : 0);
        throw new TooManyRequestsError(wait, TOO_MANY);
      }
      const account = await perAccount.record(attempt.account);
      return {
        /** The password was right: the attempt is not a failure, and the address is now known. */
        succeeded: async (userId: string) => {
          await Promise.all([perAccountAddress.reset(pairKey), perAddress.release(attempt.address, address.token), perAccount.release(attempt.account, account)]);
          await rememberSignInAddress(db, userId, attempt.address, new Date(now()));
        },
      };
    },
  };
}
