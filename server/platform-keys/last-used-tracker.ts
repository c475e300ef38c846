/** Where and with which secret a key was used. */
export interface KeyUse {
  address: string;
  secret: 'current' | 'previous';
}

/**
 * "Last used" without a write per request: each key is written at most once a minute per
 * instance, off the request path, unless the client address or the secret changed (a roll's
 * owner wants to see the old secret go quiet). A failed write only delays the record.
 */
export function createLastUsedTracker(deps: {
  now: () => number;
  write: (id: string, at: Date, use: KeyUse) => Promise<void>;
  onError: (error: unknown) => void;
  intervalMs?: number;
}) {
  const interval = deps.intervalMs ?? 60_000;
  const lastWritten = new Map<string, { at: number; address: string; secret: string }>();
  return {
    touch(id: string, use: KeyUse): void {
      const at = deps.now();
      const previous = lastWritten.get(id);
      if (previous !== undefined && at - previous.at < interval && previous.address === use.address && previous.secret === use.secret) return;
      lastWritten.set(id, { at, address: use.address, secret: use.secret });
      deps.write(id, new Date(at), use).catch(deps.onError);
    },
    forget(id: string): void {
      lastWritten.delete(id);
    },
  };
}
