import type { KeyLifecycle } from '@contract/key-lifecycle';
import { KeyExpiry } from './KeyExpiry';
import { LastUsed } from './LastUsed';

/** The "Expires" and "Last used" cells of a key row, the same in both key lists. */
export function KeyLifecycleCells({
  lifecycle,
  lastUsedAt,
}: {
  lifecycle: KeyLifecycle;
  lastUsedAt: string | null;
}) {
  return (
    <>
      <td>
        <KeyExpiry lifecycle={lifecycle} />
      </td>
      <td>
        <LastUsed lifecycle={lifecycle} lastUsedAt={lastUsedAt} />
      </td>
    </>
  );
}
