import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePath, encodePathSegment } from './canonical-path';

describe('decodePath', () => {
  it.each([
    ['/api/v5/authentication/../users/admin', 'dot_segment'],
    ['/api/v5/clients/.', 'dot_segment'],
    ['/api/v5/clients/%2e%2e', 'dot_segment'],
    ['/api/v5/clients/%2E%2e', 'dot_segment'],
    ['/api/v5/clients/.%2E', 'dot_segment'],
    ['/api/v5/clients/%2e', 'dot_segment'],
    ['/api/v5/clients/a%2F..%2Fb', 'dot_segment'],
    ['/api/v5/clients/..%2fusers', 'dot_segment'],
    ['/api/v5/clients/%2F..', 'dot_segment'],
    ['/api/v5//clients', 'empty_segment'],
    ['/api/v5/clients/', 'empty_segment'],
    ['/api/v5/clients/a\\b', 'backslash'],
    ['/api/v5/clients/a%5cb', 'backslash'],
    ['/api/v5/clients/a%5C..', 'backslash'],
    ['/api/v5/clients/a%00b', 'control_character'],
    ['/api/v5/clients/a%0Ab', 'control_character'],
    ['/api/v5/clients/a%7fb', 'control_character'],
    ['/api/v5/clients/a%C2%85b', 'control_character'],
    ['/api/v5/clients/a\u0001b', 'control_character'],
    ['/api/v5/clients/a%zzb', 'bad_character'],
    ['/api/v5/clients/a%2', 'bad_character'],
    ['/api/v5/clients/%C0%AE%C0%AE', 'bad_encoding'],
    ['/api/v5/clients/%ED%A0%80', 'bad_encoding'],
    ['/api/v5/clients/%FF', 'bad_encoding'],
    ['/api/v5/clients/a b', 'bad_character'],
    ['/api/v5/clients/a#b', 'bad_character'],
    ['/api/v5/clients/a{b}', 'bad_character'],
    ['/api/v5/clients/caf\u00e9', 'bad_character'],
    ['http://evil/api/v5/clients', 'not_origin_form'],
    ['*', 'not_origin_form'],
  ])('refuses %j (%s)', (path, refusal) => {
    expect(decodePath(path)).toBe(refusal);
  });

  it('decodes each segment exactly once, whatever the case of the escapes', () => {
    expect(decodePath('/clients/a%2fb')).toEqual(['clients', 'a/b']);
    expect(decodePath('/clients/a%2Fb')).toEqual(['clients', 'a/b']);
    expect(decodePath('/clients/%252e%252e')).toEqual(['clients', '%2e%2e']);
    expect(decodePath('/clients/dev+1')).toEqual(['clients', 'dev+1']);
    expect(decodePath('/clients/%E8%AE%BE%E5%A4%87')).toEqual(['clients', '设备']);
    expect(decodePath('/clients/a%20b%23c')).toEqual(['clients', 'a b#c']);
    expect(decodePath('/clients/...')).toEqual(['clients', '...']);
  });

  const PCHAR_WITHOUT_ESCAPES = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/;
  const plainSegment = fc.stringMatching(PCHAR_WITHOUT_ESCAPES).filter((segment) => segment !== '.' && segment !== '..');

  it('cuts a path at every slash and gives plain segments back as sent (property)', () => {
    fc.assert(
      fc.property(fc.array(plainSegment, { minLength: 1, maxLength: 8 }), (segments) => {
        expect(decodePath(`/${segments.join('/')}`)).toEqual(segments);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses any raw character outside pchar, wherever it stands (property)', () => {
    // ASCII half the time: drawn from every code point alone, a space or `#` would hardly ever come up.
    const anyCharacter = fc.oneof(fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const outside = anyCharacter.filter((character) => character !== '/' && character !== '%' && !PCHAR_WITHOUT_ESCAPES.test(character));
    fc.assert(
      fc.property(plainSegment, outside, fc.nat(), (segment, character, at) => {
        const cut = at % (segment.length + 1);
        const refusal = decodePath(`/clients/${segment.slice(0, cut)}${character}${segment.slice(cut)}`);
        expect(['bad_character', 'control_character', 'backslash']).toContain(refusal);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('encodePathSegment', () => {
  it('leaves unreserved characters and encodes everything else as upper-case %XX', () => {
    expect(encodePathSegment('dev-1_a.b~c')).toBe('dev-1_a.b~c');
    expect(encodePathSegment("a/b c+d#e!'()*")).toBe('a%2Fb%20c%2Bd%23e%21%27%28%29%2A');
    expect(encodePathSegment('设备')).toBe('%E8%AE%BE%E5%A4%87');
    expect(encodePathSegment('%2e')).toBe('%252e');
  });

  it('round-trips: decoding the encoding gives the value back as one segment (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (value) => {
        const decoded = decodePath(`/${encodePathSegment(value)}`);
        if (Array.isArray(decoded)) expect(decoded).toEqual([value]);
        else expect(['dot_segment', 'control_character', 'backslash']).toContain(decoded);
      }),
      { numRuns: 2000 },
    );
  });
});
