import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@contract/endpoint-catalog';
import type { UsageRange } from '@contract/usage';
import { DataTable } from '@/components/DataTable';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { useFormatters } from '@/lib/format';
import { useKeyUsage } from '@/lib/usage-api';
import { RangeControl, UsageSeriesView } from './UsageSeriesView';
import { UsedVsGranted } from './UsedVsGranted';

/** What a key's Usage shows: on its own page, and in the Usage dialog of a key list. */
export interface KeyUsageReportProps {
  usagePath: string;
  /** Offered on refused endpoints when the viewer may edit the key's permissions. */
  onGrant?: (grant: { method: string; endpoint: string }) => void;
  /** A Dedicated key's grants, for "used vs granted"; `onTrim` when the viewer may edit them. */
  grants?: Permission[];
  onTrim?: (used: Permission[]) => void;
}

/**
 * A key's Usage: requests over 24 hours, 7 or 30 days by outcome, its top endpoints with their
 * refusals (a refused endpoint is the classic sign of a missing permission: "Grant this
 * permission" opens the key's edit dialog with it ticked), and its latest client addresses.
 */
export function KeyUsageReport(props: KeyUsageReportProps) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const [range, setRange] = useState<UsageRange>('24h');
  const usage = useKeyUsage(props.usagePath, range);
  const report = usage.data;
  const ms = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} ms`);
  return (
    <Stack>
      <RangeControl value={range} onChange={setRange} />
      {usage.isPending && <PageLoader />}
      {usage.isError && <ErrorAlert error={usage.error} />}
      {report && (
        <>
          <UsageSeriesView series={report} />
          <Text size="sm" c="dimmed">
            {t('usage.latency', {
              keyward: ms(report.averageKeywardMs),
              upstream: ms(report.averageUpstreamMs),
            })}
          </Text>
          <Title order={3} size="h5">
            {t('usage.topEndpoints')}
          </Title>
          {report.endpoints.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('usage.none')}
            </Text>
          ) : (
            <DataTable label={t('usage.topEndpoints')}>
              <thead>
                <tr>
                  <th>{t('usage.endpoint')}</th>
                  <th>{t('usage.requestsColumn')}</th>
                  <th>{t('usage.refused')}</th>
                  <th>{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {report.endpoints.map((row) => (
                  <tr key={`${row.method} ${row.endpoint}`}>
                    <td>
                      <code>
                        {row.method} {row.endpoint || t('usage.beforeRouting')}
                      </code>
                    </td>
                    <td>{number(row.requests)}</td>
                    <td>
                      {row.refused > 0 ? (
                        <Text c="red.8" size="sm" fw={600} span>
                          {number(row.refused)}
                        </Text>
                      ) : (
                        '0'
                      )}
                    </td>
                    <td>
                      {props.onGrant && row.refused > 0 && row.endpoint && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() =>
                            props.onGrant!({ method: row.method, endpoint: row.endpoint })
                          }
                        >
                          {t('usage.grant')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
          {props.grants && (
            <UsedVsGranted
              grants={props.grants}
              forwarded={report.forwarded}
              onTrim={props.onTrim}
            />
          )}
          <Title order={3} size="h5">
            {t('usage.addresses')}
          </Title>
          {report.addresses.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('usage.none')}
            </Text>
          ) : (
            <Group gap="md">
              {report.addresses.map((seen) => (
                <Text key={seen.address} size="sm">
                  <code>{seen.address}</code>{' '}
                  <Text span size="xs" c="dimmed">
                    {dateTime(seen.lastSeenAt)}
                  </Text>
                </Text>
              ))}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
