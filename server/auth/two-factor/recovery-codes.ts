import { randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32 without the letters people misread (no i, l, o, u).
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 10;

/** Ten fresh codes of 50 random bits each, as `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const characters = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${characters.slice(0, 5)}-${characters.slice(5)}`;
  });
}

/** The code as stored (hashed): case, spaces and dashes are the typist's. */
export const canonicalRecoveryCode = (typed: string): string => typed.toLowerCase().replace(/[\s-]/g, '');
