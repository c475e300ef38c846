import { describe, expect, it } from 'vitest';
import { detectLanguage } from './i18n';

describe('detectLanguage', () => {
  it('keeps the language chosen in the user menu', () => {
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
  });

  it("follows the browser's first language we speak", () => {
    expect(detectLanguage(null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['de', 'en-GB'])).toBe('en');
  });

  it('ignores a stored value it does not know and falls back to English', () => {
    expect(detectLanguage('klingon', ['ja-JP'])).toBe('en');
  });
});
