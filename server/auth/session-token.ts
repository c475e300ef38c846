import { createHash, randomBytes } from 'node:crypto';

/** A new session id: 256 random bits, the value that goes into the cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so a copy of the sessions table signs nobody in. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
