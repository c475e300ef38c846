/**
 * "Last used" without a write per request: each key is written at most once a minute per
 * instance, off the request path. A failed write only delays the timestamp.
 */
export function createLastUsedTracker(deps: {
  now: () => number;
  write: (id: string, at: Date) => Promise<void>;
  onError: (error: unknown) => void;
  intervalMs?: number;
}) {
  const interval = deps.intervalMs ?? 60_000;
  const lastWritten = new Map<string, number>();
  return {
    touch(id: string): void {
      const at = deps.now();
      const previous = lastWritten.get(id);
      if (previous !== undefined && at - previous < interval) return;
      lastWritten.set(id, at);
      deps.write(id, new Date(at)).catch(deps.onError);
    },
    forget(id: string): void {
      lastWritten.delete(id);
    },
  };
}
