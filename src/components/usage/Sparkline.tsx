import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KeyDayActivity } from '@contract/usage';
import { useFormatters } from '@/lib/format';

const WIDTH = 72;
const HEIGHT = 20;

/**
 * A key's last 24 hours at a glance: one line of requests served per hour and their total, and
 * beside it, apart, how many were denied or refused (a disabled key's calls are not use).
 */
export function Sparkline({ activity }: { activity: KeyDayActivity | undefined }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const values = activity?.servedHourly ?? [];
  const served = values.reduce((sum, value) => sum + value, 0);
  const notServed = activity?.notServed ?? 0;
  const max = Math.max(1, ...values);
  const points = values
    .map((value, index) => {
      const x = (index / Math.max(1, values.length - 1)) * WIDTH;
      const y = HEIGHT - 1 - (value / max) * (HEIGHT - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <Stack gap={0} title={t('usage.day', { served: number(served), notServed: number(notServed) })}>
      <Group gap={6} wrap="nowrap">
        <svg width={WIDTH} height={HEIGHT} aria-hidden="true" style={{ flexShrink: 0 }}>
          <polyline
            points={points}
            fill="none"
            stroke="var(--mantine-primary-color-filled)"
            strokeWidth="1.5"
          />
        </svg>
        <Text size="sm" span>
          {number(served)}
        </Text>
      </Group>
      {/* Under the line, not beside it: the column keeps the sparkline's width. */}
      {notServed > 0 && (
        <Text size="xs" c="var(--mantine-color-error)" fw={600} span>
          {t('usage.notServed', { formatted: number(notServed) })}
        </Text>
      )}
    </Stack>
  );
}
