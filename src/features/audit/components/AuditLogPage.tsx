import {
  Button,
  EmptyState,
  NativeSelect,
  SimpleGrid,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import type { AuditEvent } from '@contract/audit';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS } from '@contract/audit-actions';
import { DataTable } from '@/components/DataTable';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useFormatters } from '@/lib/format';
import { translateOr } from '@/lib/translate-or';
import { auditCsvUrl, useAuditEvents, type AuditFilters } from '../api/get-audit-events';
import { AuditDetails } from './AuditDetails';
import { AuditTarget } from './AuditTarget';

// The side panel loads when an entry is first opened.
const AuditEntryDrawer = lazy(() =>
  import('./AuditEntryDrawer').then((m) => ({ default: m.AuditEntryDrawer })),
);
import { LoadMore } from '@/components/LoadMore';

const route = getRouteApi('/audit-log');

/** Every change, newest first: who (account or key), what, when and from where. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { dateTimeSeconds } = useFormatters();
  const { target } = route.useSearch();
  const [filters, setFilters] = useState<AuditFilters>({
    actor: '',
    action: '',
    target: target ?? '',
    from: '',
    to: '',
  });
  const [debounced] = useDebouncedValue(filters, 250);
  const events = useAuditEvents(debounced);
  const set =
    (field: keyof AuditFilters) =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      // Read now: the updater may run after React has let go of the event.
      const { value } = event.currentTarget;
      setFilters((current) => ({ ...current, [field]: value }));
    };
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  const [open, setOpen] = useState<AuditEvent | null>(null);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        actions={
          <Button component="a" href={auditCsvUrl(debounced)} download variant="default">
            {t('audit.exportCsv')}
          </Button>
        }
      />
      {/* One row at 1280 px and wider; two columns, then one, on narrower screens. */}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 5 }} mb="md" spacing="sm">
        <TextInput
          label={t('audit.actor')}
          placeholder={t('audit.actorPlaceholder')}
          value={filters.actor}
          onChange={set('actor')}
        />
        <NativeSelect
          label={t('audit.action')}
          value={filters.action}
          onChange={set('action')}
          data={[
            { value: '', label: t('audit.anyAction') },
            ...AUDIT_ACTIONS.map((action) => ({
              value: action,
              label: t(`audit.actions.${action}`),
            })),
          ]}
        />
        <TextInput
          label={t('audit.targetFilter')}
          placeholder={t('audit.targetPlaceholder')}
          value={filters.target}
          onChange={set('target')}
        />
        <TextInput
          type="datetime-local"
          label={t('audit.from')}
          value={filters.from}
          onChange={set('from')}
        />
        <TextInput
          type="datetime-local"
          label={t('audit.to')}
          value={filters.to}
          onChange={set('to')}
        />
      </SimpleGrid>
      {events.isPending && <PageLoader />}
      {events.isError && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
      {events.isSuccess && rows.length === 0 && <EmptyState title={t('audit.empty')} />}
      {rows.length > 0 && (
        <DataTable minWidth={900}>
          <thead>
            <tr>
              <th>{t('audit.when')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.target')}</th>
              <th>{t('audit.details')}</th>
              <th>{t('audit.address')}</th>
              <th>
                <VisuallyHidden>{t('audit.entry')}</VisuallyHidden>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((event) => (
              <tr key={event.id}>
                <td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={event.at} title={event.at}>
                    {dateTimeSeconds(event.at)}
                  </time>
                </td>
                <td>
                  {event.actorLabel}
                  <Text size="xs" c="dimmed">
                    {t(`audit.actorTypes.${event.actorType}`)}
                  </Text>
                </td>
                <td>
                  {/* Its name as recorded is in the entry's side panel. */}
                  {translateOr(t, `audit.actions.${event.action}`, event.action)}
                </td>
                <td>
                  <AuditTarget event={event} />
                </td>
                <td>
                  <AuditDetails details={event.details} />
                </td>
                <td>{event.address ?? '—'}</td>
                <td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('audit.openEntry', { action: event.action, at: event.at })}
                    onClick={() => setOpen(event)}
                  >
                    {t('audit.open')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <LoadMore list={events} />
      <Suspense>{open && <AuditEntryDrawer event={open} onClose={() => setOpen(null)} />}</Suspense>
    </>
  );
}
