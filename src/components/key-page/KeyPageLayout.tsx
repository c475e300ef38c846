import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import type { KeyLabels } from '@contract/key-label-reading';
import { Fact } from '@/components/Fact';
import { KeyExpiry } from '@/components/KeyExpiry';
import { KeyLabelBadges } from '@/components/key-list/KeyLabelBadges';
import { KeyStatusBadge } from '@/components/KeyStatusBadge';
import { LastUsed } from '@/components/LastUsed';
import { KeyUsageReport, type KeyUsageReportProps } from '@/components/usage/KeyUsageReport';
import { useCan } from '@/lib/auth';
import { useFormatters } from '@/lib/format';
import { KeyAuditTrail } from './KeyAuditTrail';

/** What every key's page shows, whatever its kind. */
export interface KeyPageFacts {
  /** The public half (App ID, Key), the page's title. */
  label: string;
  note: string;
  labels: KeyLabels;
  createdBy: string | null;
  createdAt: string | null;
  lastUsedAt: string | null;
  lifecycle: KeyLifecycle;
}

/** The facts every kind of key has, named by its public half (App ID, Key). */
export const keyPageFacts = (
  label: string,
  key: Omit<KeyPageFacts, 'label' | 'lifecycle'> & KeyLifecycle,
): KeyPageFacts => ({
  label,
  note: key.note,
  labels: key.labels,
  createdBy: key.createdBy,
  createdAt: key.createdAt,
  lastUsedAt: key.lastUsedAt,
  lifecycle: key,
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * A key's own page (Stripe, Unkey): its status, note, labels, who made it and when, expiry,
 * allowed addresses, last use, its kind's own facts and access, its usage with every outcome
 * apart, its audit trail, and its actions.
 */
export function KeyPageLayout(props: {
  kind: string;
  back: ReactNode;
  facts: KeyPageFacts;
  /** The kind's own facts (a deployment, a project scope). */
  more: ReactNode;
  access: { title: string; content: ReactNode };
  actions: ReactNode;
  usage: KeyUsageReportProps;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const canViewAudit = useCan('viewAuditLog');
  const { facts } = props;
  return (
    <Stack>
      <Text size="sm">{props.back}</Text>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {props.kind}
          </Text>
          <Group gap="sm">
            <Title order={1} size="h2" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {facts.label}
            </Title>
            <KeyStatusBadge lifecycle={facts.lifecycle} />
          </Group>
          {facts.note && <Text mt={4}>{facts.note}</Text>}
        </div>
        {props.actions}
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {props.more}
          <Fact label={t('keys.expires')}>
            <KeyExpiry lifecycle={facts.lifecycle} />
          </Fact>
          <Fact label={t('platformKeys.lastUsed')}>
            <LastUsed
              lifecycle={facts.lifecycle}
              lastUsedAt={facts.lastUsedAt}
              createdAt={facts.createdAt}
            />
          </Fact>
          <Fact label={t('platformKeys.createdBy')}>
            {facts.createdBy ?? '—'}
            {facts.createdAt && (
              <Text size="xs" c="dimmed">
                {dateTime(facts.createdAt)}
              </Text>
            )}
          </Fact>
          <Fact label={t('keyPage.allowedAddresses')}>
            {facts.lifecycle.allowedAddresses.length === 0
              ? t('keyPage.anywhere')
              : facts.lifecycle.allowedAddresses.join(', ')}
          </Fact>
          <Fact label={t('keyLabels.column')}>
            {Object.keys(facts.labels).length === 0 ? (
              '—'
            ) : (
              <KeyLabelBadges labels={facts.labels} />
            )}
          </Fact>
        </SimpleGrid>
      </Card>
      <Section title={props.access.title}>{props.access.content}</Section>
      <Section title={t('keyPage.usage')}>
        <KeyUsageReport {...props.usage} />
      </Section>
      {canViewAudit && (
        <Section title={t('keyPage.activity')}>
          <KeyAuditTrail target={facts.label} />
        </Section>
      )}
    </Stack>
  );
}
