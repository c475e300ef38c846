import { Badge, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import { useFormatters } from '@/lib/format';
import { isUnused } from '@contract/key-lifecycle-rules';

/** Where and with which secret a key was last used, under its time; marked when unused 30 days. */
export function LastUsed({
  lifecycle,
  lastUsedAt,
  createdAt,
}: {
  lifecycle: KeyLifecycle;
  lastUsedAt: string | null;
  createdAt: string | null;
}) {
  const { t } = useTranslation();
  const { dateTime, relativeTime } = useFormatters();
  const [now] = useState(() => Date.now());
  const unused = isUnused({ lastUsedAt, createdAt }, now) && (
    <Badge color="gray" variant="outline" size="sm" tt="none">
      {t('keys.unused')}
    </Badge>
  );
  if (!lastUsedAt) {
    return (
      <div>
        {t('platformKeys.neverUsed')} {unused}
      </div>
    );
  }
  return (
    <div>
      {/* When it was, as a person reads it; the exact time on hover. */}
      <time dateTime={lastUsedAt} title={dateTime(lastUsedAt)}>
        {relativeTime(lastUsedAt, now)}
      </time>{' '}
      {unused}
      {lifecycle.lastUsedAddress && (
        <Text size="xs" c="dimmed">
          {t('keys.lastUsedFrom', { address: lifecycle.lastUsedAddress })}
          {lifecycle.lastUsedSecret === 'previous' ? ` · ${t('keys.oldSecret')}` : ''}
        </Text>
      )}
    </div>
  );
}
