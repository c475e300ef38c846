import { Group } from '@mantine/core';
import { ExpiryFilterControl } from './ExpiryFilterControl';
import type { KeyListFilterState } from './key-list-filters';
import { LabelFilterInput } from './LabelFilterInput';

/** "Show: All · Expiring soon · Expired · Unused" and the "Label" box above a key list. */
export function KeyListFilterControls({ state }: { state: KeyListFilterState }) {
  return (
    <Group mb="xs" align="flex-end">
      <ExpiryFilterControl value={state.expiry} onChange={state.setExpiry} />
      <LabelFilterInput value={state.label} onChange={state.setLabel} />
    </Group>
  );
}
