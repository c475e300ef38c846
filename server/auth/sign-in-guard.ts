import type { KeywardConfig } from '../config';
import type { Database } from '../db/store';
import { TooManyRequestsError } from '../http/domain-errors';
import { SlidingWindowLimiter } from '../http/sliding-window-limiter';
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
 * parallel guesses cannot all slip past the counters together.
 */
export function createSignInGuard(deps: { db: Database; now: () => number; limits: KeywardConfig['signInLimits'] }) {
  const { db, now, limits } = deps;
  const perAccountAddress = new SlidingWindowLimiter(limits.perAccount, now);
  const perAddress = new SlidingWindowLimiter(limits.perAddress, now);
  const perAccount = new SlidingWindowLimiter({ max: Number.MAX_SAFE_INTEGER, windowMs: limits.perAccount.windowMs }, now);
  const freeFailures = limits.perAccount.max;

  /** Seconds a new address must still wait, given the account's recent failures. */
  function accountBackoffSeconds(account: string): number {
    const failures = perAccount.recent(account);
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
      // From here on one synchronous step: checked and counted before the (slow) password check,
      // so parallel attempts see each other; released below if the password turns out right.
      const wait = Math.max(
        perAccountAddress.retryAfterSeconds(pairKey),
        perAddress.retryAfterSeconds(attempt.address),
        known ? 0 : accountBackoffSeconds(attempt.account),
      );
      if (wait > 0) throw new TooManyRequestsError(wait, TOO_MANY);
      const reserved = { pair: perAccountAddress.record(pairKey), address: perAddress.record(attempt.address), account: perAccount.record(attempt.account) };
      return {
        /** The password was right: the attempt is not a failure, and the address is now known. */
        succeeded: async (userId: string) => {
          perAccountAddress.reset(pairKey);
          perAddress.release(attempt.address, reserved.address);
          perAccount.release(attempt.account, reserved.account);
          await rememberSignInAddress(db, userId, attempt.address, new Date(now()));
        },
      };
    },
  };
}
