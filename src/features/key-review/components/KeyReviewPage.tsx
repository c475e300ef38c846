import { Badge, Button, Checkbox, EmptyState, Group, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReviewedKey } from '@contract/key-review';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/AnchorLink';
import { DataTable } from '@/components/DataTable';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useCan } from '@/lib/auth';
import { useFormatters } from '@/lib/format';
import { useKeyReview, useMarkReviewed } from '../api/key-review';
import { ReviewActions } from './ReviewActions';

/**
 * The auditor's page: keys unused for 30 days, never expiring, with full access or very many
 * grants, or made by an account since removed or disabled. Each opens where it is managed and
 * can be marked reviewed (audited); those who manage keys select keys and disable, delete or set
 * an expiry on them from here.
 */
export function KeyReviewPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const review = useKeyReview();
  const mark = useMarkReviewed();
  const [hideReviewed, setHideReviewed] = useState(false);
  const keys = (review.data?.keys ?? []).filter((key) => !hideReviewed || key.reviewedAt === null);
  // Account managers manage every key; an Auditor only reads and marks reviewed.
  const canAct = useCan('managePlatformKeys');
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const idOf = (key: ReviewedKey) => `${key.kind}:${key.id}`;
  const selected = keys.filter((key) => selectedIds.has(idOf(key)));
  const toggle = (key: ReviewedKey) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (!next.delete(idOf(key))) next.add(idOf(key));
      return next;
    });
  const allShown = keys.length > 0 && selected.length === keys.length;
  return (
    <>
      <PageHeader title={t('review.title')} />
      <Text size="sm" c="dimmed" mb="md">
        {t('review.intro')}
      </Text>
      <Group mb="md">
        <Switch
          label={t('review.hideReviewed')}
          checked={hideReviewed}
          onChange={(event) => setHideReviewed(event.currentTarget.checked)}
        />
      </Group>
      {review.isPending && <PageLoader />}
      {review.isError && <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />}
      {mark.error && <ErrorAlert error={mark.error} />}
      {review.isSuccess && keys.length === 0 && <EmptyState title={t('review.empty')} />}
      {canAct && keys.length > 0 && (
        <ReviewActions selected={selected} onDone={() => setSelectedIds(new Set())} />
      )}
      {keys.length > 0 && (
        <DataTable minWidth={1000} label={t('review.title')}>
          <thead>
            <tr>
              {canAct && (
                <th>
                  <Checkbox
                    aria-label={t('review.selectAll')}
                    checked={allShown}
                    indeterminate={selected.length > 0 && !allShown}
                    onChange={() => setSelectedIds(new Set(allShown ? [] : keys.map(idOf)))}
                  />
                </th>
              )}
              <th>{t('review.key')}</th>
              <th>{t('review.reasons')}</th>
              <th>{t('platformKeys.createdBy')}</th>
              <th>{t('platformKeys.lastUsed')}</th>
              <th>{t('keys.expires')}</th>
              <th>{t('review.reviewed')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={idOf(key)}>
                {canAct && (
                  <td>
                    <Checkbox
                      aria-label={t('review.select', { key: key.label })}
                      checked={selectedIds.has(idOf(key))}
                      onChange={() => toggle(key)}
                    />
                  </td>
                )}
                <td>
                  {key.deployment ? (
                    <AnchorLink
                      to="/deployments/$deploymentId"
                      params={{ deploymentId: key.deployment.id }}
                      ff="monospace"
                      size="sm"
                    >
                      {key.label}
                    </AnchorLink>
                  ) : (
                    <AnchorLink to="/platform-api-keys" ff="monospace" size="sm">
                      {key.label}
                    </AnchorLink>
                  )}
                  <Text size="xs" c="dimmed">
                    {[key.note, key.deployment?.name ?? t('review.platformKey')]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </td>
                <td>
                  <Group gap={4}>
                    {key.disabled && (
                      <Badge variant="light" color="gray" tt="none">
                        {t('review.disabled')}
                      </Badge>
                    )}
                    {key.reasons.map((reason) => (
                      <Badge key={reason} variant="light" color="orange" tt="none">
                        {t(`review.reasonLabels.${reason}`, { count: key.grants ?? 0 })}
                      </Badge>
                    ))}
                  </Group>
                </td>
                <td>{key.createdBy ?? '—'}</td>
                <td>{key.lastUsedAt ? dateTime(key.lastUsedAt) : t('platformKeys.neverUsed')}</td>
                <td>{key.expiresAt ? dateTime(key.expiresAt) : t('keys.never')}</td>
                <td>
                  {key.reviewedAt ? (
                    <Text size="sm">
                      {t('review.reviewedBy', {
                        who: key.reviewedBy ?? t('review.removedAccount'),
                        at: dateTime(key.reviewedAt),
                      })}
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      loading={mark.isPending && mark.variables?.id === key.id}
                      aria-label={t('review.markLabel', { key: key.label })}
                      onClick={() => mark.mutate(key)}
                    >
                      {t('review.mark')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
