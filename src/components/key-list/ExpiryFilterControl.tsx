import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExpiryFilter } from './key-list-filters';

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
