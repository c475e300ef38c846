import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUnused } from '@contract/key-lifecycle-rules';
import { expiryState } from './KeyExpiry';

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

/** "Show: All · Expiring soon · Expired · Unused 30 days" above a key list. */
export function ExpiryFilterControl({
  value,
  onChange,
}: {
  value: ExpiryFilter;
  onChange: (filter: ExpiryFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('keys.filter')}
      value={value}
      onChange={(next) => onChange(next as ExpiryFilter)}
      data={[
        { value: 'all', label: t('keys.filterAll') },
        { value: 'soon', label: t('keys.filterExpiringSoon') },
        { value: 'expired', label: t('keys.filterExpired') },
        { value: 'unused', label: t('keys.filterUnused') },
      ]}
    />
  );
}
