import { describe, expect, it } from 'vitest';
import { createPasswordHasher, verifyPassword } from './password';

describe('password hashing', () => {
  const passwords = createPasswordHasher();

  it('hashes at the real cost by default, and verifies the right password and refuses any other', async () => {
    const stored = await passwords.hash('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
  });

  it('verifies a hash at the cost written in it, whatever the hasher now uses', async () => {
    const light = await createPasswordHasher({ N: 2 ** 10, r: 8, p: 1 }).hash('an older password');
    expect(light).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('an older password', light)).toBe(true);
    expect(await verifyPassword('an older passwore', light)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await passwords.hash('same password twice')).not.toBe(
      await passwords.hash('same password twice'),
    );
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('anything at all', 'md5$abc')).toBe(false);
    expect(await passwords.verifyAgainstDecoy('anything at all')).toBe(false);
  });
});
