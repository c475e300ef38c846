import { Badge } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import { expiryState } from './KeyExpiry';

const DAY = 86_400_000;

/** A key's status in one word (and colour, never colour alone): Active, Disabled, Expiring in N days, Expired. */
export function KeyStatusBadge({
  lifecycle,
}: {
  lifecycle: Pick<KeyLifecycle, 'disabled' | 'expiresAt'>;
}) {
  const { t } = useTranslation();
  const [now] = useState(() => Date.now());
  const state = expiryState(lifecycle.expiresAt, now);
  if (lifecycle.disabled)
    return (
      <Badge color="gray" variant="filled" tt="none">
        {t('keys.status.disabled')}
      </Badge>
    );
  if (state === 'expired')
    return (
      <Badge color="red" tt="none">
        {t('keys.status.expired')}
      </Badge>
    );
  if (state === 'soon')
    return (
      <Badge color="orange" variant="light" tt="none">
        {t('keys.status.expiringIn', {
          count: Math.max(1, Math.ceil((Date.parse(lifecycle.expiresAt!) - now) / DAY)),
        })}
      </Badge>
    );
  return (
    <Badge color="green" variant="light" tt="none">
      {t('keys.status.active')}
    </Badge>
  );
}
