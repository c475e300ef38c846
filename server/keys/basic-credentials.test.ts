import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basicToken, parseBasicCredentials } from './basic-credentials';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseBasicCredentials', () => {
  it('splits at the first colon, so a secret may contain colons', () => {
    expect(parseBasicCredentials(basic('kwk_abc:se:cret'))).toMatchObject({ id: 'kwk_abc', secret: 'se:cret' });
  });

  it('accepts the scheme in any case, and gives the token as the cache key', () => {
    const token = Buffer.from('kwa_1:s').toString('base64');
    expect(parseBasicCredentials(`basic ${token}`)).toEqual({ id: 'kwa_1', secret: 's', token });
    expect(basicToken(`BASIC ${token}`)).toBe(token);
    expect(basicToken(`Bearer ${token}`)).toBeUndefined();
    expect(basicToken(`Basix ${token}`)).toBeUndefined();
  });

  it('refuses other schemes, missing ids and garbage', () => {
    expect(parseBasicCredentials(undefined)).toBeUndefined();
    expect(parseBasicCredentials('Bearer abc')).toBeUndefined();
    expect(parseBasicCredentials(basic(':secret'))).toBeUndefined();
    expect(parseBasicCredentials(basic('no-colon'))).toBeUndefined();
    expect(parseBasicCredentials('Basic !!!')).toBeUndefined();
  });

  it('refuses every other spelling of a credential: extra padding, spaces, non-canonical bits', () => {
    const canonical = basic('kwa_1:secret1');
    const token = canonical.slice(6);
    for (const spelling of [
      `Basic  ${token}`,
      `Basic ${token} `,
      `Basic\t${token}`,
      `Basic ${token}=`,
      `Basic ${token}==`,
      `Basic ${token.replace(/=+$/, '')}`,
      `Basic ${token}\n`,
    ]) {
      expect(parseBasicCredentials(spelling), JSON.stringify(spelling)).toBeUndefined();
    }
    // "a:b" is YTpi; YTpj decodes to "a:c" but YTph.. variants with unused low bits differ.
    expect(parseBasicCredentials('Basic YTpiYQ==')).toMatchObject({ id: 'a', secret: 'ba' });
    expect(parseBasicCredentials('Basic YTpiYR==')).toBeUndefined();
  });

  it('refuses control characters and invalid UTF-8', () => {
    expect(parseBasicCredentials(basic('kwa_1:sec\u0000ret'))).toBeUndefined();
    expect(parseBasicCredentials(basic('kwa\u00851:secret'))).toBeUndefined();
    expect(parseBasicCredentials(`Basic ${Buffer.from([0x61, 0x3a, 0xc0, 0xae]).toString('base64')}`)).toBeUndefined();
  });

  it('accepts only the one token that re-encodes the credential it decodes to (property)', () => {
    const tokenChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= '.split(''));
    const header = fc.oneof(
      fc.string({ unit: tokenChar, maxLength: 24 }).map((token) => `Basic ${token}`),
      fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 40 })).map(([id, secret]) => basic(`${id}:${secret}`)),
    );
    fc.assert(
      fc.property(header, (candidate) => {
        const parsed = parseBasicCredentials(candidate);
        if (parsed) expect(Buffer.from(`${parsed.id}:${parsed.secret}`).toString('base64')).toBe(parsed.token);
      }),
      { numRuns: 2000 },
    );
  });
});
