import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveServerKeys, loadMasterSecret, SECRET_KEY_FILE } from './master-key';
import { createSecretBox } from './secret-box';
import { createSecretHasher } from '../keys/secret-hasher';

describe('secret box', () => {
  it('round-trips and never shows the plaintext', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('upstream-secret-value');
    expect(sealed).not.toContain('upstream-secret-value');
    expect(box.open(sealed)).toBe('upstream-secret-value');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered or foreign ciphertext', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('value');
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => box.open(tampered)).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });
});

describe('master secret', () => {
  it('is generated once into the data directory, private, and read back', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'kw-key-')), 'nested');
    const first = loadMasterSecret(undefined, dir);
    expect(loadMasterSecret(undefined, dir).equals(first)).toBe(true);
    expect(statSync(path.join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, SECRET_KEY_FILE), 'utf8')).toContain(first.toString('base64'));
  });

  it('takes KEYWARD_SECRET_KEY in hex or base64 and refuses a short one', () => {
    const hex = randomBytes(32).toString('hex');
    expect(loadMasterSecret(hex, '/nonexistent').toString('hex')).toBe(hex);
    expect(() => loadMasterSecret('c2hvcnQ=', '/nonexistent')).toThrow(/32 bytes/);
  });

  it('derives different keys for different purposes', () => {
    const keys = deriveServerKeys(randomBytes(32));
    expect(keys.pepper.equals(keys.encryptionKey)).toBe(false);
  });
});

describe('secret hasher', () => {
  it('tells which of a key\'s two secrets matches, and treats an unknown key as a mismatch', () => {
    const hasher = createSecretHasher(randomBytes(32));
    const current = hasher.hash('kwps_new');
    const previous = hasher.hash('kwps_old');
    expect(hasher.which('kwps_new', current, previous)).toBe('current');
    expect(hasher.which('kwps_old', current, previous)).toBe('previous');
    expect(hasher.which('kwps_old', current, undefined)).toBeUndefined();
    expect(hasher.which('kwps_wrong', current, previous)).toBeUndefined();
    expect(hasher.which('kwps_new', undefined, null)).toBeUndefined();
  });

  it('depends on the pepper', () => {
    expect(createSecretHasher(randomBytes(32)).hash('x')).not.toBe(createSecretHasher(randomBytes(32)).hash('x'));
  });
});
