const UNUSED_AFTER_MS = 30 * 24 * 3_600_000;

/**
 * The auditor's question: a key nobody has called for 30 days (or ever, once it is 30 days old;
 * an imported key of unknown age counts from now on as soon as it is unused).
 */
export function isUnused(
  key: { lastUsedAt: string | null; createdAt: string | null },
  now: number,
): boolean {
  const since = key.lastUsedAt ?? key.createdAt;
  return since === null || now - Date.parse(since) >= UNUSED_AFTER_MS;
}
