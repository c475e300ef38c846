import { Text } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@contract/audit';
import { AnchorLink } from '@/components/AnchorLink';
import { DataTable } from '@/components/DataTable';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { apiRequest } from '@/lib/api-client';
import { useFormatters } from '@/lib/format';
import { translateOr } from '@/lib/translate-or';

const TRAIL_LENGTH = 20;

/** A key's latest audit events (what its Activity opens in full), newest first. */
export function KeyAuditTrail({ target }: { target: string }) {
  const { t } = useTranslation();
  const { dateTimeSeconds } = useFormatters();
  const events = useQuery(
    queryOptions({
      queryKey: ['key-audit-trail', target],
      queryFn: ({ signal }) =>
        apiRequest<{ events: AuditEvent[] }>(
          `/api/console/audit-events?target=${encodeURIComponent(target)}&limit=${TRAIL_LENGTH}`,
          { signal },
        ),
    }),
  );
  if (events.isPending) return <PageLoader />;
  if (events.isError) return <ErrorAlert error={events.error} />;
  return (
    <>
      <DataTable label={t('keyPage.activity')}>
        <thead>
          <tr>
            <th>{t('audit.when')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
          </tr>
        </thead>
        <tbody>
          {events.data.events.map((event) => (
            <tr key={event.id}>
              <td>
                <time dateTime={event.at} title={event.at}>
                  {dateTimeSeconds(event.at)}
                </time>
              </td>
              <td>{event.actorLabel}</td>
              <td>{translateOr(t, `audit.actions.${event.action}`, event.action)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Text size="sm" mt="xs">
        <AnchorLink to="/audit-log" search={{ target } as never}>
          {t('keyPage.allActivity')}
        </AnchorLink>
      </Text>
    </>
  );
}
