import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODE_LIST, ERROR_CODES, ERRORS } from '../../contract/error-codes';
import { apiErrorSchema } from '../../contract/errors';

const REGISTRY = path.join('contract', 'error-codes.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Code without its comments (a comment may name a code; code may not spell one). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** The registered codes a source text spells out in quotes. */
const spelledIn = (text: string): string[] =>
  [...withoutComments(text).matchAll(/['"`]([A-Z][A-Z0-9_]+)['"`]/g)].map((match) => match[1]!).filter((code) => (ERROR_CODE_LIST as string[]).includes(code));

/** Every quoted spelling of a registered code outside the registry, as `file: CODE`. */
const spelledCodes = (files: string[]): string[] =>
  files.filter((file) => file !== REGISTRY).flatMap((file) => spelledIn(readFileSync(file, 'utf8')).map((code) => `${file}: ${code}`));

describe('the error code registry (contract/error-codes.ts)', () => {
  it('is the only place a code is spelled, in the server, the SPA and the contract', () => {
    expect(spelledCodes([...sources('server'), ...sources('src'), ...sources('contract')])).toEqual([]);
  });

  it('notices a code spelled elsewhere (the check itself)', () => {
    expect(spelledIn("throw new DomainError(403, 'PERMISSION_DENIED', 'no');\n// 'NOT_FOUND' in a comment is fine\nconst method = 'DELETE';")).toEqual(['PERMISSION_DENIED']);
  });

  it('gives every code its statuses and a message in English and Chinese, and one name', () => {
    for (const code of ERROR_CODE_LIST) {
      const definition = ERRORS[code];
      expect(definition.en.length, code).toBeGreaterThan(3);
      expect(definition.zh.length, code).toBeGreaterThan(1);
      expect(definition.zh, code).toMatch(/[\u4e00-\u9fff]/);
      for (const status of definition.statuses) expect(status >= 400 && status < 600, code).toBe(true);
    }
    expect(new Set(Object.values(ERROR_CODES)).size).toBe(ERROR_CODE_LIST.length);
    expect(ERROR_CODES.permissionDenied).toBe('PERMISSION_DENIED');
  });

  it('is what the OpenAPI documents list as the error codes', () => {
    const schema = z.toJSONSchema(apiErrorSchema) as unknown as { properties: { code: { enum: string[]; description: string } } };
    expect(schema.properties.code.enum).toEqual(ERROR_CODE_LIST);
    expect(schema.properties.code.description).toContain('PERMISSION_DENIED: This API key may not call this endpoint.');
  });
});
