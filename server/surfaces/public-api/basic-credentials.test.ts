import { describe, expect, it } from 'vitest';
import { parseBasicCredentials } from './basic-credentials';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseBasicCredentials', () => {
  it('splits at the first colon, so a secret may contain colons', () => {
    expect(parseBasicCredentials(basic('kwk_abc:se:cret'))).toEqual({ id: 'kwk_abc', secret: 'se:cret' });
  });

  it('refuses other schemes, missing ids and garbage', () => {
    expect(parseBasicCredentials(undefined)).toBeUndefined();
    expect(parseBasicCredentials('Bearer abc')).toBeUndefined();
    expect(parseBasicCredentials(basic(':secret'))).toBeUndefined();
    expect(parseBasicCredentials(basic('no-colon'))).toBeUndefined();
    expect(parseBasicCredentials('Basic !!!')).toBeUndefined();
  });
});
