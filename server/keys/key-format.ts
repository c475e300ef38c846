import { randomBytes } from 'node:crypto';

/**
 * Credentials Keyward hands out. Secrets carry a recognisable prefix and a checksum (as GitHub's
 * and Stripe's tokens do), so secret scanners can find a leaked one and tell it from noise
 * without asking us; the random part is 256 bits from the CSPRNG.
 */
export const SECRET_PREFIXES = {
  platform: 'kwps',
  deployment: 'kwds',
} as const;
export type SecretKind = keyof typeof SECRET_PREFIXES;

/** What a Platform API Key's and a Deployment API Key's public id begins with (`kwa_...`). */
export const KEY_ID_PREFIXES = { platform: 'kwk', deployment: 'kwa' } as const;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_LENGTH = 6;

function toBase62(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString('hex') || '0'}`);
  let out = '';
  while (value > 0n) {
    out = BASE62[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out;
}

function base62Fixed(value: number, length: number): string {
  let out = '';
  for (let rest = value; out.length < length; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out;
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** `kwps_<43 base62 chars of 32 random bytes, zero-padded><6 base62 chars of CRC32>` */
export function generateSecret(kind: SecretKind): string {
  const body = toBase62(randomBytes(32)).padStart(43, '0');
  return `${SECRET_PREFIXES[kind]}_${body}${base62Fixed(crc32(body), CHECKSUM_LENGTH)}`;
}

/** True when the text has the shape and checksum of a Keyward secret of that kind. */
export function isWellFormedSecret(kind: SecretKind, secret: string): boolean {
  const prefix = `${SECRET_PREFIXES[kind]}_`;
  if (!secret.startsWith(prefix) || secret.length !== prefix.length + 43 + CHECKSUM_LENGTH) return false;
  const body = secret.slice(prefix.length, prefix.length + 43);
  const checksum = secret.slice(prefix.length + 43);
  return /^[0-9A-Za-z]+$/.test(body) && base62Fixed(crc32(body), CHECKSUM_LENGTH) === checksum;
}

/** The public half: a Platform API "Key" or a Deployment API "App ID". Not secret. */
export function generateKeyId(kind: SecretKind): string {
  return `${KEY_ID_PREFIXES[kind]}_${toBase62(randomBytes(14)).padStart(20, '0')}`;
}
