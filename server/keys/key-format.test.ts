import { describe, expect, it } from 'vitest';
import { crc32, generateKeyId, generateSecret, isWellFormedSecret } from './key-format';

describe('secret format', () => {
  it('has the prefix, a fixed length and a valid checksum', () => {
    const secret = generateSecret('platform');
    expect(secret).toMatch(/^kwps_[0-9A-Za-z]{49}$/);
    expect(isWellFormedSecret('platform', secret)).toBe(true);
    expect(isWellFormedSecret('deployment', secret)).toBe(false);
  });

  it('detects a single changed character through the checksum', () => {
    const secret = generateSecret('deployment');
    const i = 10;
    const flipped = secret.slice(0, i) + (secret[i] === 'a' ? 'b' : 'a') + secret.slice(i + 1);
    expect(isWellFormedSecret('deployment', flipped)).toBe(false);
  });

  it('never repeats', () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => generateSecret('platform')));
    expect(secrets.size).toBe(1000);
  });

  it('uses the standard CRC-32', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('makes public ids with their own prefix', () => {
    expect(generateKeyId('platform')).toMatch(/^kwk_[0-9A-Za-z]{20}$/);
    expect(generateKeyId('deployment')).toMatch(/^kwa_[0-9A-Za-z]{20}$/);
  });
});
