import { lazy, Suspense, useState } from 'react';
import { matchesLabelFilter, parseLabelFilter, type KeyLabels } from '@contract/key-label-reading';
import { isUnused } from '@contract/key-lifecycle-rules';
import { expiryState } from '@/components/KeyExpiry';

export type ExpiryFilter = 'all' | 'soon' | 'expired' | 'unused';

/** The keys a list shows under its "Show" filter. */
export function filterByExpiry<
  T extends { expiresAt: string | null; lastUsedAt: string | null; createdAt: string | null },
>(keys: T[], filter: ExpiryFilter, now: number): T[] {
  if (filter === 'all') return keys;
  if (filter === 'unused') return keys.filter((key) => isUnused(key, now));
  return keys.filter(
    (key) => expiryState(key.expiresAt, now) === (filter === 'soon' ? 'soon' : 'expired'),
  );
}

// The controls bring Mantine's segmented control and input styles: they load just after the list.
const KeyListFilterControls = lazy(() =>
  import('./KeyListFilterControls').then((m) => ({ default: m.KeyListFilterControls })),
);

type FilterableKey = {
  labels: KeyLabels;
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string | null;
};

/**
 * The filters of a list filtered in the browser (a deployment's keys as far as its pages are
 * loaded, the Platform API Keys): "Show" by expiry and use, and by label. `shownAt` is the time
 * the list was shown. The API Keys inventory filters on the server instead.
 */
export function useKeyListFilters<K extends FilterableKey>(keys: K[] | undefined, shownAt: number) {
  const [expiry, setExpiry] = useState<ExpiryFilter>('all');
  const [label, setLabel] = useState('');
  const terms = parseLabelFilter(label);
  const shown = filterByExpiry(keys ?? [], expiry, shownAt).filter((key) =>
    matchesLabelFilter(key.labels, terms),
  );
  const state = { expiry, setExpiry, label, setLabel };
  const controls = (
    <Suspense>
      <KeyListFilterControls state={state} />
    </Suspense>
  );
  return { shown, controls };
}

export interface KeyListFilterState {
  expiry: ExpiryFilter;
  setExpiry: (filter: ExpiryFilter) => void;
  label: string;
  setLabel: (label: string) => void;
}
