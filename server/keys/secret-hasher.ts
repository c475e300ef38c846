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
    /**
     * Which of a key's two secrets (its current one, and the one a roll replaced while its grace
     * runs) this is: one HMAC, both compared in constant time, whatever is missing.
     */
    which(secret: string, current: string | undefined, previous: string | null | undefined): 'current' | 'previous' | undefined {
      const actual = Buffer.from(hash(secret));
      const equal = (stored: string | null | undefined) => {
        const expected = Buffer.from(stored ?? decoy);
        return actual.length === expected.length && timingSafeEqual(actual, expected) && typeof stored === 'string';
      };
      const isCurrent = equal(current);
      const isPrevious = equal(previous);
      return isCurrent ? 'current' : isPrevious ? 'previous' : undefined;
    },
  };
}

export type SecretHasher = ReturnType<typeof createSecretHasher>;
