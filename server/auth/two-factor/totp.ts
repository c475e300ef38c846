import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const STEP_MS = PARAMETERS.period * 1000;

/** A new seed: 160 random bits (RFC 4226's recommended length), in base32 as apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// address the QR code carries. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return new TOTP({ ...PARAMETERS, issuer, label: account, secret: Secret.fromBase32(secret) }).toString();
}

/**
 * The 30-second step a typed code belongs to, when it is the current step's code or a
 * neighbour's (one step of clock drift either way); undefined for anything else. The caller
 * accepts a step only once.
 */
export function stepOfCode(secret: string, typed: string, at: number): number | undefined {
  const code = typed.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = new TOTP({ ...PARAMETERS, secret: Secret.fromBase32(secret) }).validate({ token: code, timestamp: at, window: 1 });
  return delta === null ? undefined : Math.floor(at / STEP_MS) + delta;
}
