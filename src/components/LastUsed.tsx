import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import { useFormatters } from '@/lib/format';

/** Where and with which secret a key was last used, under its time. */
export function LastUsed({
  lifecycle,
  lastUsedAt,
}: {
  lifecycle: KeyLifecycle;
  lastUsedAt: string | null;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  if (!lastUsedAt) return <>{t('platformKeys.neverUsed')}</>;
  return (
    <div>
      {dateTime(lastUsedAt)}
      {lifecycle.lastUsedAddress && (
        <Text size="xs" c="dimmed">
          {t('keys.lastUsedFrom', { address: lifecycle.lastUsedAddress })}
          {lifecycle.lastUsedSecret === 'previous' ? ` · ${t('keys.oldSecret')}` : ''}
        </Text>
      )}
    </div>
  );
}
