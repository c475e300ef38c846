import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

const WIDTH = 72;
const HEIGHT = 20;

/** A key's last 24 hours at a glance: one line of hourly requests and the total. */
export function Sparkline({ hourly }: { hourly: number[] | undefined }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const values = hourly ?? [];
  const total = values.reduce((sum, value) => sum + value, 0);
  const max = Math.max(1, ...values);
  const points = values
    .map((value, index) => {
      const x = (index / Math.max(1, values.length - 1)) * WIDTH;
      const y = HEIGHT - 1 - (value / max) * (HEIGHT - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={WIDTH} height={HEIGHT} aria-hidden="true" style={{ flexShrink: 0 }}>
        <polyline
          points={points}
          fill="none"
          stroke="var(--mantine-primary-color-filled)"
          strokeWidth="1.5"
        />
      </svg>
      <Text size="sm" span title={t('usage.requests24h', { count: total })}>
        {number(total)}
      </Text>
    </Group>
  );
}
