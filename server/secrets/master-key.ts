import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';

export const SECRET_KEY_FILE = 'keyward-secret.key';

/** The two keys Keyward derives from its one master secret, each for one purpose only. */
export interface ServerKeys {
  /** HMAC pepper for API key secrets. */
  pepper: Buffer;
  /** AES-256-GCM key for upstream secrets and TLS private keys. */
  encryptionKey: Buffer;
}

export function deriveServerKeys(master: Buffer): ServerKeys {
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `keyward/${purpose}`, 32));
  return { pepper: derive('secret-pepper'), encryptionKey: derive('encryption') };
}

/**
 * KEYWARD_SECRET_KEY (base64 or hex, at least 32 bytes) when set; otherwise a key generated once
 * into the data directory (mode 0600) and read back on every later start.
 */
export function loadMasterSecret(configured: string | undefined, dataDir: string): Buffer {
  if (configured) {
    const decoded = /^[0-9a-f]+$/i.test(configured) ? Buffer.from(configured, 'hex') : Buffer.from(configured, 'base64');
    if (decoded.length < 32) throw new Error('KEYWARD_SECRET_KEY must hold at least 32 bytes (base64 or hex)');
    return decoded;
  }
  const file = path.join(dataDir, SECRET_KEY_FILE);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(32);
  writeFileSync(file, `${generated.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return generated;
}
