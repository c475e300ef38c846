import { Badge, Group, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USAGE_RANGES, type UsageRange, type UsageSeries } from '@contract/usage';
import {
  OUTCOME_GROUPS,
  outcomeGroupOf,
  USAGE_OUTCOMES,
  type OutcomeGroup,
} from '@contract/usage-outcomes';
import { DataTable } from '@/components/DataTable';
import { useFormatters } from '@/lib/format';
import { OUTCOME_COLORS } from './outcome-colors';

const UsageChart = lazy(() => import('./UsageChart').then((m) => ({ default: m.UsageChart })));

/** The range picker every usage view shares. */
export function RangeControl(props: { value: UsageRange; onChange: (range: UsageRange) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      value={props.value}
      onChange={(value) => props.onChange(value as UsageRange)}
      data={USAGE_RANGES.map((range) => ({ value: range, label: t(`usage.ranges.${range}`) }))}
      aria-label={t('usage.range')}
    />
  );
}

/**
 * Requests over a range: served, denied and refused apart (what a person asks first), each
 * outcome's total as a legend, and the chart or, on request (and
 * always for screen readers), the same numbers as a table.
 */
export function UsageSeriesView({ series }: { series: UsageSeries }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const [asTable, setAsTable] = useState(false);
  const present = USAGE_OUTCOMES.filter((outcome) => series.totals[outcome] > 0);
  const total = present.reduce((sum, outcome) => sum + series.totals[outcome], 0);
  const grouped = Object.fromEntries(OUTCOME_GROUPS.map((group) => [group, 0])) as Record<
    OutcomeGroup,
    number
  >;
  for (const outcome of USAGE_OUTCOMES) grouped[outcomeGroupOf(outcome)] += series.totals[outcome];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} aria-live="polite">
          {t('usage.requests', { count: total, formatted: number(total) })}
        </Text>
        <Switch
          size="xs"
          label={t('usage.showTable')}
          checked={asTable}
          onChange={(event) => setAsTable(event.currentTarget.checked)}
        />
      </Group>
      <Group gap="lg" role="list" aria-label={t('usage.groupsLabel')}>
        {OUTCOME_GROUPS.map((group) => (
          <Text key={group} size="sm" role="listitem" title={t(`usage.groupHints.${group}`)}>
            {t(`usage.groups.${group}`)}:{' '}
            <Text
              span
              fw={700}
              c={
                group !== 'served' && grouped[group] > 0 ? 'var(--mantine-color-error)' : undefined
              }
            >
              {number(grouped[group])}
            </Text>
          </Text>
        ))}
      </Group>
      <Group gap={6}>
        {present.map((outcome) => (
          <Badge key={outcome} color={OUTCOME_COLORS[outcome]} variant="light" tt="none">
            {t(`usage.outcomes.${outcome}`)}: {number(series.totals[outcome])}
          </Badge>
        ))}
      </Group>
      {asTable ? (
        <DataTable label={t('usage.tableLabel')}>
          <thead>
            <tr>
              <th>{t('usage.time')}</th>
              {present.map((outcome) => (
                <th key={outcome}>{t(`usage.outcomes.${outcome}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.points
              .filter((point) => present.some((outcome) => point.counts[outcome] > 0))
              .map((point) => (
                <tr key={point.at}>
                  <td>{dateTime(point.at)}</td>
                  {present.map((outcome) => (
                    <td key={outcome}>{number(point.counts[outcome])}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </DataTable>
      ) : (
        total > 0 && (
          <Suspense fallback={<div style={{ height: 180 }} />}>
            <UsageChart series={series} />
          </Suspense>
        )
      )}
      {total === 0 && (
        <Text size="sm" c="dimmed">
          {t('usage.none')}
        </Text>
      )}
    </Stack>
  );
}
