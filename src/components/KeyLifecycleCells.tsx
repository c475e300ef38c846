import type { KeyLifecycle } from '@contract/key-lifecycle';
import { KeyExpiry } from './KeyExpiry';
import { LastUsed } from './LastUsed';

/** The "Expires" and "Last used" cells of a key row, the same in both key lists. */
export function KeyLifecycleCells({
  lifecycle,
  lastUsedAt,
  createdAt,
}: {
  lifecycle: KeyLifecycle;
  lastUsedAt: string | null;
  createdAt: string | null;
}) {
  return (
    <>
      <td>
        <KeyExpiry lifecycle={lifecycle} />
      </td>
      <td>
        <LastUsed lifecycle={lifecycle} lastUsedAt={lastUsedAt} createdAt={createdAt} />
      </td>
    </>
  );
}

/** A disabled or expired key's row is greyed (its cells say why in words, not colour alone). */
export function inactiveKeyRowStyle(
  lifecycle: Pick<KeyLifecycle, 'disabled' | 'expiresAt'>,
  at: number,
): React.CSSProperties | undefined {
  const expired = lifecycle.expiresAt !== null && Date.parse(lifecycle.expiresAt) <= at;
  return lifecycle.disabled || expired ? { opacity: 0.6 } : undefined;
}
