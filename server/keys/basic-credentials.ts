import { CONTROL_CHARACTER } from '../../contract/fields';

/** Longer headers are refused unread: no credential Keyward issues or imports comes near this. */
const MAX_HEADER_LENGTH = 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface BasicCredentials {
  id: string;
  secret: string;
  /**
   * The base64 token as sent. Parsing is strict, so one credential has exactly one token: it is
   * safe to use as a cache key (a lenient parser let `==` padding or spaces mint new spellings of
   * one credential, each a cache entry of its own).
   */
  token: string;
}

/** The token of a `Basic` header, or undefined; the cheap half of the parse, for cache lookups. */
export function basicToken(header: string | undefined): string | undefined {
  if (!header || header.length > MAX_HEADER_LENGTH || header.charCodeAt(5) !== 32) return undefined;
  const scheme = header.slice(0, 5);
  // RFC 9110 11.1: the scheme is case-insensitive. Exactly one space follows it.
  return scheme === 'Basic' || scheme.toLowerCase() === 'basic' ? header.slice(6) : undefined;
}

/**
 * `Authorization: Basic base64(id:secret)` (RFC 7617), strictly: one space, canonical base64
 * (padding exactly as the encoder writes it), valid UTF-8, no control characters, a non-empty id.
 * Anything else is undefined, which every surface answers with its one 401.
 */
export function parseBasicCredentials(header: string | undefined): BasicCredentials | undefined {
  const token = basicToken(header);
  if (!token || token.length % 4 !== 0 || !BASE64.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64');
  if (bytes.toString('base64') !== token) return undefined;
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0 || CONTROL_CHARACTER.test(decoded)) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1), token };
}
