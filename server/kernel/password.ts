import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

// OWASP's scrypt floor (N=2^17 would be stronger but costs ~130 MB and ~0.3 s per sign-in on a
// 2-core machine; 2^15 keeps sign-in under ~100 ms while staying above the minimum).
export const PASSWORD_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, base64url parts: the cost travels with the hash. */
async function hashPassword(password: string, cost: ScryptCost): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks `password` against a stored hash, at the cost written in that hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Burns the same scrypt work as a real check, so that an unknown email answers as slowly as a
   * wrong password and the timing does not tell whether the account exists.
   */
  verifyAgainstDecoy(password: string): Promise<false>;
}

/**
 * Hashes new passwords at `cost`: PASSWORD_COST everywhere Keyward runs. Only the API tests pass
 * a lighter one (buildApp's `passwordCost`), since hundreds of sign-ins at the real cost were a
 * quarter of the suite's CPU; the unit test and the started server's tests hold the real one.
 */
export function createPasswordHasher(cost: ScryptCost = PASSWORD_COST): PasswordHasher {
  let decoyHash: Promise<string> | undefined;
  return {
    hash: (password) => hashPassword(password, cost),
    async verifyAgainstDecoy(password) {
      decoyHash ??= hashPassword(randomBytes(16).toString('hex'), cost);
      await verifyPassword(password, await decoyHash);
      return false;
    },
  };
}
