import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * At rest only HMAC-SHA-256(pepper, secret) is kept: a copy of the database alone cannot be
 * used to check guesses, because the pepper lives outside it.
 */
export function createSecretHasher(pepper: Buffer) {
  const hash = (secret: string): string => createHmac('sha256', pepper).update(secret, 'utf8').digest('base64url');
  // A well-formed hash to compare against when there is no key, so both paths do the same work.
  const decoy = hash('keyward-decoy');
  return {
    hash,
    /** Constant-time comparison; `stored` undefined (unknown key) costs the same as a mismatch. */
    matches(secret: string, stored: string | undefined): boolean {
      const actual = Buffer.from(hash(secret));
      const expected = Buffer.from(stored ?? decoy);
      return actual.length === expected.length && timingSafeEqual(actual, expected) && stored !== undefined;
    },
  };
}

export type SecretHasher = ReturnType<typeof createSecretHasher>;
