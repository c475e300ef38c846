import ipaddr from 'ipaddr.js';
import type { KeyLifecycle } from '../../contract/key-lifecycle';
import { ERROR_CODES } from '../../contract/errors';

/** A key's lifecycle as the gateway and the Platform API check it on every request. */
export interface KeyLifecycleState {
  /** Milliseconds since the epoch; null: never expires. */
  expiresAt: number | null;
  disabled: boolean;
  /** The allowed client addresses, compiled once; undefined: anywhere. */
  allowsAddress: ((address: string) => boolean) | undefined;
}

/** Why a key whose secret was right is refused; each code's message is the registry's. */
export type KeyRefusal = typeof ERROR_CODES.keyExpired | typeof ERROR_CODES.keyDisabled | typeof ERROR_CODES.clientAddressNotAllowed;

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Compiles an allow-list of addresses and CIDR ranges (validated by the contract) to a test. */
export function compileAddressAllowList(entries: readonly string[]): ((address: string) => boolean) | undefined {
  if (entries.length === 0) return undefined;
  const ranges: Range[] = entries.map((entry) => {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry);
    const address = ipaddr.process(entry);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  });
  return (text) => {
    if (!ipaddr.isValid(text)) return false;
    // ::ffff:10.0.0.1 is 10.0.0.1.
    const address = ipaddr.process(text);
    return ranges.some(([range, bits]) => address.kind() === range.kind() && address.match(range, bits));
  };
}

/**
 * Why a key whose secret verified is still refused, if it is: checked after the secret, so only
 * a caller holding the secret learns the reason (everyone else gets the one 401).
 */
export function refusalOf(state: KeyLifecycleState, now: number, address: string): KeyRefusal | undefined {
  if (state.disabled) return ERROR_CODES.keyDisabled;
  if (state.expiresAt !== null && now >= state.expiresAt) return ERROR_CODES.keyExpired;
  if (state.allowsAddress && !state.allowsAddress(address)) return ERROR_CODES.clientAddressNotAllowed;
  return undefined;
}

/** A time as a row holds it: a Date from a query, ISO text from a JSON record. */
type StoredTime = Date | string | null;
const millis = (time: StoredTime): number | null => (time === null ? null : new Date(time).getTime());
const iso = (time: StoredTime): string | null => (time === null ? null : new Date(time).toISOString());

/** The lifecycle columns both key tables share (server/db/schema.ts). */
export interface KeyLifecycleRow {
  expiresAt: StoredTime;
  disabled: boolean;
  allowedAddresses: string[];
  previousSecretExpiresAt: StoredTime;
  lastUsedAddress: string | null;
  lastUsedSecret: string | null;
}

/** Is the grace of a rolled secret still running? */
export function graceRuns(row: Pick<KeyLifecycleRow, 'previousSecretExpiresAt'>, now: number): boolean {
  const until = millis(row.previousSecretExpiresAt);
  return until !== null && until > now;
}

/** The replaced secret's hash, while its grace runs; undefined once it has ended. */
export function previousSecretHashAt(row: { previousSecretHash: string | null; previousSecretExpiresAt: StoredTime }, now: number): string | undefined {
  return row.previousSecretHash !== null && graceRuns(row, now) ? row.previousSecretHash : undefined;
}

export function lifecycleStateOf(row: KeyLifecycleRow): KeyLifecycleState {
  return { expiresAt: millis(row.expiresAt), disabled: row.disabled, allowsAddress: compileAddressAllowList(row.allowedAddresses) };
}

/** The lifecycle fields of a key's response (contract/key-lifecycle.ts). */
export function lifecycleView(row: KeyLifecycleRow, now: number): KeyLifecycle {
  return {
    expiresAt: iso(row.expiresAt),
    disabled: row.disabled,
    allowedAddresses: row.allowedAddresses,
    previousSecretValidUntil: graceRuns(row, now) ? iso(row.previousSecretExpiresAt) : null,
    lastUsedAddress: row.lastUsedAddress,
    lastUsedSecret: row.lastUsedSecret === 'current' || row.lastUsedSecret === 'previous' ? row.lastUsedSecret : null,
  };
}

/**
 * The columns a roll writes: the new secret's hash, and the old one kept until its grace ends
 * (none with no grace). A roll during a grace ends that grace at once: at most two secrets live.
 */
export function rollColumns(row: { secretHash: string }, newSecretHash: string, graceSeconds: number, now: number) {
  return {
    secretHash: newSecretHash,
    previousSecretHash: graceSeconds > 0 ? row.secretHash : null,
    previousSecretExpiresAt: graceSeconds > 0 ? new Date(now + graceSeconds * 1000) : null,
  };
}

/** A lifecycle change as columns to write (`expiresAt` already checked against the policy). */
export function lifecycleColumns(change: { disabled?: boolean | undefined; allowedAddresses?: string[] | undefined; endGrace?: true | undefined }, expiresAt: Date | null | undefined) {
  return {
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
    ...(change.allowedAddresses !== undefined ? { allowedAddresses: change.allowedAddresses } : {}),
    ...(change.endGrace ? { previousSecretHash: null, previousSecretExpiresAt: null } : {}),
  };
}
