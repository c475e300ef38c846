import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { canonicalRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, stepOfCode, totpUri } from './totp';

const codeAt = (secret: string, at: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vector', () => {
    // Appendix B: the ASCII seed "12345678901234567890" at T = 59 s gives 94287082 (8 digits; 6: 287082).
    const secret = new Secret({ buffer: new TextEncoder().encode('12345678901234567890').buffer }).base32;
    expect(stepOfCode(secret, '287082', 59_000)).toBe(1);
  });

  it('accepts the current step and one either side, nothing further, and only six digits', () => {
    const secret = newTotpSecret();
    const at = 1_800_000_000_000;
    const step = Math.floor(at / 30_000);
    expect(stepOfCode(secret, codeAt(secret, at), at)).toBe(step);
    expect(stepOfCode(secret, codeAt(secret, at - 30_000), at)).toBe(step - 1);
    expect(stepOfCode(secret, codeAt(secret, at + 30_000), at)).toBe(step + 1);
    expect(stepOfCode(secret, codeAt(secret, at - 60_000), at)).toBeUndefined();
    expect(stepOfCode(secret, codeAt(secret, at + 60_000), at)).toBeUndefined();
    expect(stepOfCode(secret, `${codeAt(secret, at).slice(0, 3)} ${codeAt(secret, at).slice(3)}`, at)).toBe(step);
    expect(stepOfCode(secret, 'abcdef', at)).toBeUndefined();
    expect(stepOfCode(secret, `${codeAt(secret, at)}0`, at)).toBeUndefined();
  });

  it('gives apps an otpauth address naming the issuer and the account', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'root@example.com', 'Keyward');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Keyward:root%40example\.com\?/);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(uri).toContain('period=30');
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes that read back the same however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    expect(canonicalRecoveryCode(` ${codes[0]!.toUpperCase()} `)).toBe(canonicalRecoveryCode(codes[0]!));
  });
});
