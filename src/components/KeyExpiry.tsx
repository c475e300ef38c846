import { Badge, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import { EXPIRING_SOON_DAYS } from '@contract/key-lifecycle-rules';
import { useFormatters } from '@/lib/format';

const DAY = 86_400_000;

export type ExpiryState = 'expired' | 'soon' | 'ok' | 'never';

export function expiryState(expiresAt: string | null, now: number): ExpiryState {
  if (expiresAt === null) return 'never';
  const left = Date.parse(expiresAt) - now;
  return left <= 0 ? 'expired' : left <= EXPIRING_SOON_DAYS * DAY ? 'soon' : 'ok';
}

/**
 * When a key stops working: "in 12 days" (the exact time on hover), marked when it expires within
 * a week or has expired (a badge with a word, not colour alone), and a grace still running.
 */
export function KeyExpiry({ lifecycle }: { lifecycle: KeyLifecycle }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormatters();
  // The time the list was shown: a render stays pure, and the list refreshes with its data.
  const [now] = useState(() => Date.now());
  const state = expiryState(lifecycle.expiresAt, now);
  const relative = new Intl.RelativeTimeFormat(i18n.resolvedLanguage ?? 'en', { numeric: 'auto' });
  return (
    <div>
      {/* Wraps in a narrow column rather than squeeze the badge to nothing. */}
      <Group gap={4}>
        {lifecycle.expiresAt === null ? (
          <Text size="sm" title={t('keys.neverHint')}>
            {t('keys.never')}
          </Text>
        ) : (
          <Text size="sm" title={dateTime(lifecycle.expiresAt)}>
            {relative.format(Math.round((Date.parse(lifecycle.expiresAt) - now) / DAY), 'day')}
          </Text>
        )}
        {state === 'expired' && (
          <Badge color="red" size="sm">
            {t('keys.expired')}
          </Badge>
        )}
        {state === 'soon' && (
          <Badge color="orange" size="sm" variant="light">
            {t('keys.expiringSoon')}
          </Badge>
        )}
      </Group>
      {lifecycle.previousSecretValidUntil && (
        <Text size="xs" c="dimmed">
          {t('keys.oldSecretValidUntil', { at: dateTime(lifecycle.previousSecretValidUntil) })}
        </Text>
      )}
    </div>
  );
}
