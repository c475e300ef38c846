import { CONTROL_CHARACTER } from '../../contract/fields';

/**
 * The one canonical form of a request path, used both to check permissions and to forward.
 *
 * A permission check is only as good as the form it checks: if Keyward matched one reading of a
 * path and forwarded the bytes the client sent, any upstream or proxy that reads them differently
 * (nginx resolves `..` and merges `//`, RFC 3986 section 5.2.4) would run an endpoint the key may
 * not call. So a path is split on `/`, each segment percent-decoded exactly once, and anything
 * that has no single unambiguous meaning is refused here, before it can leave Keyward.
 */

export type PathRefusal =
  | 'not_origin_form'
  | 'empty_segment'
  | 'dot_segment'
  | 'control_character'
  | 'backslash'
  | 'bad_character'
  | 'bad_encoding';

/** What each refusal tells the client (in `details.reason` of a 400 `INVALID_PATH`). */
export const PATH_REFUSAL_MESSAGES: Record<PathRefusal, string> = {
  not_origin_form: 'The request target must be a path starting with "/".',
  empty_segment: 'The path has an empty segment ("//" or a trailing "/").',
  dot_segment: 'The path has a "." or ".." segment, in some encoding.',
  control_character: 'The path has a control character.',
  backslash: 'The path has a backslash.',
  bad_character: 'The path has a character that must be percent-encoded.',
  bad_encoding: 'The path has a malformed percent-encoding or invalid UTF-8.',
};

// RFC 3986 pchar: unreserved / sub-delims / ":" / "@" / pct-encoded. Anything else raw is refused.
const RAW_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/;
/** The pchar characters that need no decoding, by character code: RAW_SEGMENT without `%`. */
const PLAIN_CHARACTERS = new Uint8Array(128);
for (const character of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@") PLAIN_CHARACTERS[character.charCodeAt(0)] = 1;
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;

const isDotSegment = (value: string) => value === '.' || value === '..';

interface Refused {
  refusal: PathRefusal;
}
// Allocated once: refusing costs the hot path no garbage either.
const REFUSED = Object.fromEntries(Object.keys(PATH_REFUSAL_MESSAGES).map((refusal) => [refusal, { refusal }])) as Record<PathRefusal, Refused>;

/**
 * Whether a segment is made of plain pchar characters only, the common case, which decodes to
 * itself. A table read per character, where a regular expression per segment cost the gateway
 * about 1,100 instructions a request (README, "Where the rest goes, and the route").
 */
function isPlainSegment(raw: string): boolean {
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (code >= 128 || PLAIN_CHARACTERS[code] === 0) return false;
  }
  return true;
}

/**
 * One raw segment decoded once and checked, or the refusal. A decoded value may hold `/` (MQTT
 * client IDs can), but none of its `/`-separated pieces may be a dot segment: a decoder further
 * on that splits it must not find one either.
 */
function decodeSegment(raw: string): string | Refused {
  if (raw === '') return REFUSED.empty_segment;
  if (isPlainSegment(raw)) return isDotSegment(raw) ? REFUSED.dot_segment : raw;
  if (raw.includes('\\')) return REFUSED.backslash;
  if (!RAW_SEGMENT.test(raw)) return CONTROL_CHARACTER.test(raw) ? REFUSED.control_character : REFUSED.bad_character;
  let value: string;
  try {
    // Throws on invalid UTF-8, overlong forms and encoded surrogates.
    value = decodeURIComponent(raw);
  } catch {
    return REFUSED.bad_encoding;
  }
  if (CONTROL_CHARACTER.test(value)) return REFUSED.control_character;
  if (value.includes('\\')) return REFUSED.backslash;
  if (isDotSegment(value) || (value.includes('/') && value.split('/').some(isDotSegment))) return REFUSED.dot_segment;
  return value;
}

/** The decoded segments of an origin-form path (no query), or why it has no canonical form. */
export function decodePath(path: string): string[] | PathRefusal {
  if (path.charCodeAt(0) !== 47 /* / */) return 'not_origin_form';
  const segments: string[] = [];
  // Segment by segment with indexOf, as split('/') would cut them: split went through V8's
  // runtime on every request path.
  for (let start = 1; ; ) {
    const end = path.indexOf('/', start);
    const decoded = decodeSegment(end === -1 ? path.slice(start) : path.slice(start, end));
    if (typeof decoded !== 'string') return decoded.refusal;
    segments.push(decoded);
    if (end === -1) return segments;
    start = end + 1;
  }
}

/**
 * The path as a proxy that decodes `%2F` would pass it on (nginx does, with a URI in
 * `proxy_pass`): every `/` inside a decoded segment becomes a separator, slashes run together
 * merge (nginx's merge_slashes), nothing else changes. Undefined when no segment holds a `/`,
 * the common case.
 */
export function slashDecodedReading(segments: readonly string[]): string | undefined {
  if (!segments.some((segment) => segment.includes('/'))) return undefined;
  const pieces = segments.flatMap((segment) => segment.split('/')).filter((piece) => piece !== '');
  return `/${pieces.map(encodePathSegment).join('/')}`;
}

/**
 * A decoded parameter value in its one canonical encoding: unreserved characters as they are,
 * every other byte as `%XX` in upper case, `/` included, so no later decoder can split it.
 */
export function encodePathSegment(value: string): string {
  if (UNRESERVED.test(value)) return value;
  return encodeURIComponent(value).replace(SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
