import { ERROR_CODES, ERRORS, type ErrorCode } from '../../contract/errors';
import { parseBasicCredentials, type BasicCredentials } from './basic-credentials';
import { lifecycleStateOf, previousSecretHashAt, refusalOf, type KeyLifecycleRow, type KeyLifecycleState, type KeyRefusal } from './key-lifecycle';
import type { SecretHasher } from './secret-hasher';

/** A failure count over a sliding window (http/counting-windows.ts), as the pipeline needs it. */
export interface FailureWindow {
  retryAfterSeconds(key: string): Promise<number>;
  record(key: string): Promise<unknown>;
}

export interface FailureWindows {
  byAddress: FailureWindow;
  byPublicId: FailureWindow;
}

/** What the pipeline reads of a stored key: its public id, its hashes and its lifecycle columns. */
export interface StoredKey extends KeyLifecycleRow {
  secretHash: string;
  previousSecretHash: string | null;
}

/** Why a call with a key is not let through. Only a caller whose secret verified learns `lifecycle`. */
export type KeyAuthRefusal =
  | { reason: 'credentials' }
  | { reason: 'limited'; retryAfterSeconds: number }
  | { reason: 'lifecycle'; refusal: KeyRefusal };

export type KeyAuthentication<Row> =
  | { outcome: 'verified'; row: Row; secret: 'current' | 'previous'; credentials: BasicCredentials; lifecycle: KeyLifecycleState }
  /** `known`: the stored key the credentials named, if any (its secret was wrong, or it is refused), for usage. */
  | { outcome: 'refused'; refusal: KeyAuthRefusal; known?: Row };

/** How a surface names its credentials in the one 401 ("App ID or App Secret", "API key or secret"). */
export interface CredentialNames {
  unauthenticated: string;
}

/**
 * The one answer to a refused key call, on the Deployment API and the Platform API alike:
 * credentials 401 (one message whatever went wrong), limits 429 with Retry-After, a verified key
 * that is expired or disabled 401, one not allowed from here 403.
 */
export function keyAuthAnswerOf(
  refusal: KeyAuthRefusal,
  names: CredentialNames,
): { status: 401 | 403 | 429; code: ErrorCode; message: string; challenge: boolean; retryAfterSeconds?: number } {
  switch (refusal.reason) {
    case 'credentials':
      return { status: 401, code: ERROR_CODES.unauthenticated, message: names.unauthenticated, challenge: true };
    case 'limited':
      return {
        status: 429,
        code: ERROR_CODES.tooManyRequests,
        message: 'Too many failed authentication attempts. Try again later.',
        challenge: false,
        retryAfterSeconds: refusal.retryAfterSeconds,
      };
    case 'lifecycle': {
      const forbidden = refusal.refusal === ERROR_CODES.clientAddressNotAllowed;
      return { status: forbidden ? 403 : 401, code: refusal.refusal, message: ERRORS[refusal.refusal].en, challenge: !forbidden };
    }
  }
}

/**
 * One way to authenticate a key, for every caller (the gateway, the Platform API): parse the
 * Basic credential strictly, look the key up by its public id, check the secret (current or a
 * rolled one in its grace), then the key's lifecycle (disabled, expired, client address), with
 * failures counted per client network and per public id. Missing, malformed and unknown
 * credentials cost the same lookup and HMAC as a wrong secret, except those a known-id filter
 * rules out: it answers them without the database, so an HMAC would not hide anything more (ids
 * are public) and is skipped. Public ids are not secret, so a flood of wrong secrets for one id
 * never blocks its right secret: past the per-id limit a wrong secret is answered 429, and the
 * right one still verifies.
 */
export function createKeyAuthenticator<Row extends StoredKey>(deps: {
  hasher: SecretHasher;
  now: () => number;
  /** The stored key with this public id (at most 64 characters are looked up). */
  lookup: (publicId: string) => Promise<Row | undefined>;
  /** Whether an id is worth looking up at all (the gateway's known-App-ID filter); default: every one. */
  mayExist?: (publicId: string) => boolean;
  /**
   * Failures per client network and per public id, for stored keys (shared by every instance);
   * `unknown`: where failures with credentials that name no stored key count instead, by the
   * same limits (in memory: junk must not reach the database even as a count).
   */
  failures: FailureWindows & { unknown?: FailureWindows };
}) {
  const { hasher, now, failures } = deps;
  return {
    /**
     * `accepts`: whether a verified key may be used here at all (the gateway: a key of this
     * deployment); a key it does not accept is refused like a wrong secret.
     */
    async authenticate(authorization: string | undefined, address: string, accepts: (row: Row) => boolean = () => true): Promise<KeyAuthentication<Row>> {
      const credentials = parseBasicCredentials(authorization);
      const publicId = (credentials?.id ?? '').slice(0, 64);
      const at = now();
      // Failures with credentials that name no stored key are load, not guessing: they count in
      // `unknown` (this instance's memory); a stored key's failures count in the shared windows.
      const unknown = failures.unknown ?? failures;
      // Malformed, or never issued: no lookup, no HMAC, no shared count (a flood's requests are these).
      const filteredOut = deps.mayExist !== undefined && (!credentials || !deps.mayExist(publicId));
      const addressWait = Math.max(
        await unknown.byAddress.retryAfterSeconds(address),
        filteredOut || unknown === failures ? 0 : await failures.byAddress.retryAfterSeconds(address),
      );
      if (addressWait > 0) return { outcome: 'refused', refusal: { reason: 'limited', retryAfterSeconds: addressWait } };
      // Without a filter, missing and malformed credentials cost the same lookup as unknown ones.
      const row = filteredOut ? undefined : await deps.lookup(publicId);
      const which = filteredOut ? undefined : hasher.which(credentials?.secret ?? '', row?.secretHash, row ? previousSecretHashAt(row, at) : undefined);
      if (!which || !row || !credentials || !accepts(row)) {
        const windows = row ? failures : unknown;
        await windows.byAddress.record(address);
        const known = row && accepts(row) ? row : undefined;
        if (!credentials) return { outcome: 'refused', refusal: { reason: 'credentials' } };
        const idWait = await windows.byPublicId.retryAfterSeconds(credentials.id);
        await windows.byPublicId.record(credentials.id);
        return { outcome: 'refused', refusal: idWait > 0 ? { reason: 'limited', retryAfterSeconds: idWait } : { reason: 'credentials' }, known };
      }
      const lifecycle = lifecycleStateOf(row);
      const refusal = refusalOf(lifecycle, at, address);
      if (refusal) return { outcome: 'refused', refusal: { reason: 'lifecycle', refusal }, known: row };
      return { outcome: 'verified', row, secret: which, credentials, lifecycle };
    },

    /** The lifecycle step alone, for a key verified before and held in memory (the gateway's cache). */
    admits(lifecycle: KeyLifecycleState, address: string): KeyAuthRefusal | undefined {
      const refusal = refusalOf(lifecycle, now(), address);
      return refusal ? { reason: 'lifecycle', refusal } : undefined;
    },
  };
}
