import { Code, Drawer, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@contract/audit';
import { useFormatters } from '@/lib/format';
import { translateOr } from '@/lib/translate-or';
import { AuditDetails } from './AuditDetails';
import { AuditTarget } from './AuditTarget';
import { Fact } from '@/components/Fact';

/**
 * One audit entry in full, beside the log: when to the second (and as recorded), who, what, on
 * which object, from where, its details read as words, and the record as stored.
 */
export function AuditEntryDrawer({ event, onClose }: { event: AuditEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const { dateTimeSeconds } = useFormatters();
  const action = translateOr(t, `audit.actions.${event.action}`, event.action);
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={
        <Title order={2} size="h4">
          {action}
        </Title>
      }
    >
      <Stack gap="sm">
        <Fact label={t('audit.when')}>
          <time dateTime={event.at}>{dateTimeSeconds(event.at)}</time>
          <Text size="xs" c="dimmed" ff="monospace">
            {event.at}
          </Text>
        </Fact>
        <Fact label={t('audit.actor')}>
          {event.actorLabel} · {t(`audit.actorTypes.${event.actorType}`)}
        </Fact>
        <Fact label={t('audit.action')}>
          {action}{' '}
          <Text span size="xs" c="dimmed" ff="monospace">
            {event.action}
          </Text>
        </Fact>
        <Fact label={t('audit.target')}>
          <AuditTarget event={event} />
        </Fact>
        <Fact label={t('audit.address')}>{event.address ?? '—'}</Fact>
        {event.details && (
          <Fact label={t('audit.details')}>
            <AuditDetails details={event.details} />
          </Fact>
        )}
        <Fact label={t('audit.recorded')}>
          <Code block>{JSON.stringify(event, null, 2)}</Code>
        </Fact>
      </Stack>
    </Drawer>
  );
}
