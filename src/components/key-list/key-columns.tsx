import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyAttributes } from '@contract/key-attributes';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import type { KeyDayActivity } from '@contract/usage';
import { AnchorLink } from '@/components/AnchorLink';
import { KeyStatusBadge } from '@/components/KeyStatusBadge';
import { LastUsed } from '@/components/LastUsed';
import { Sparkline } from '@/components/usage/Sparkline';
import { useFormatters } from '@/lib/format';
import type { KeyColumn } from './KeyListTable';
import { KeyLabelBadges } from './KeyLabelBadges';

/** What every listed key has, whichever its kind. */
export interface ListedKey extends KeyLifecycle, KeyAttributes {
  id: string;
  note: string;
  createdBy: string | null;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** How a kind of key is named: its public half (App ID, Key) and any mark beside it. */
export interface KeyIdentity<K> {
  header: string;
  of: (key: K) => string;
  marks?: (key: K) => ReactNode;
}

/** A Deployment API Key is named by its App ID, marked when it is an imported legacy key. */
export function useDeploymentKeyIdentity<
  K extends { appId: string; legacy: boolean },
>(): KeyIdentity<K> {
  const { t } = useTranslation();
  return {
    header: t('deploymentKeys.appId'),
    of: (key) => key.appId,
    marks: (key) =>
      key.legacy && (
        <Badge color="orange" variant="light" size="sm">
          {t('deploymentKeys.legacy')}
        </Badge>
      ),
  };
}

/**
 * The columns the key lists share, each written once: a screen picks the ones it shows and in
 * what order, and adds its own (access, scopes, deployment). A list keeps what a person scans
 * (the key and its status, note, labels, access, last use, usage, one row menu); who made it,
 * when, and its exact expiry are on the key's own page.
 */
export function useKeyColumns<K extends ListedKey>(identity: KeyIdentity<K>) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return {
    /** The public half (App ID, Key) in monospace, linking to the key's page, with its status and marks. */
    publicId: (): KeyColumn<K> => ({
      header: identity.header,
      cell: (key) => (
        <>
          <AnchorLink to="/keys/$keyId" params={{ keyId: key.id }} ff="monospace" size="sm">
            {identity.of(key)}
          </AnchorLink>
          <Group gap={4} mt={2}>
            <KeyStatusBadge lifecycle={key} />
            {identity.marks?.(key)}
          </Group>
          {key.previousSecretValidUntil && (
            <Text size="xs" c="dimmed">
              {t('keys.oldSecretValidUntil', { at: dateTime(key.previousSecretValidUntil) })}
            </Text>
          )}
        </>
      ),
    }),
    note: (header: string): KeyColumn<K> => ({ header, cell: (key) => key.note || '—' }),
    /** One column per attribute both kinds carry (contract/key-attributes.ts), the same in every list. */
    attributes: (): KeyColumn<K>[] => [
      { header: t('keyLabels.column'), cell: (key) => <KeyLabelBadges labels={key.labels} /> },
    ],
    lastUsed: (): KeyColumn<K> => ({
      header: t('platformKeys.lastUsed'),
      cell: (key) => (
        <LastUsed lifecycle={key} lastUsedAt={key.lastUsedAt} createdAt={key.createdAt} />
      ),
    }),
    /** "Requests (24 h)": the row's sparkline, which opens the key's Usage. */
    usage: (activity: (key: K) => KeyDayActivity | undefined, open: (key: K) => void): KeyColumn<K> => ({
      header: t('usage.column'),
      cell: (key) => (
        <UnstyledButton
          aria-label={t('usage.usageOf', { key: identity.of(key) })}
          title={t('usage.usage')}
          onClick={() => open(key)}
        >
          <Sparkline activity={activity(key)} />
        </UnstyledButton>
      ),
    }),
  };
}
