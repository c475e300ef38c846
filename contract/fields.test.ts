import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { labelText, multilineText, plainText } from './fields';

describe('text fields', () => {
  const label = labelText(z.string().trim().max(20));

  it('refuses control characters, NUL and lone surrogates everywhere', () => {
    for (const value of ['a\u0000b', 'a\u0007', 'a\nb', '\u007f', 'a\u0085b', 'a\ud800b', '\udc00']) {
      expect(plainText().safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    expect(plainText().safeParse('设备 🚀 ok').success).toBe(true);
  });

  it('lets multi-line text keep its line breaks and tabs, and nothing else', () => {
    expect(multilineText().safeParse('-----BEGIN X-----\r\n\tabc\n').success).toBe(true);
    expect(multilineText().safeParse('a\u0000b').success).toBe(false);
  });

  it('normalises names to NFC and refuses invisible and text-direction characters', () => {
    expect(label.parse('Cafe\u0301')).toBe('Café');
    for (const value of ['admin\u200b', '\u202eadmin', 'ad\u2066min', 'x\ufeffy', 'a\u00adb']) {
      expect(label.safeParse(value).error?.issues[0]?.message, JSON.stringify(value)).toBe('Remove invisible or text-direction characters');
    }
  });
});
