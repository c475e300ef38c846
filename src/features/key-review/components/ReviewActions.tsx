import { Button, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewedKey } from '@contract/key-review';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorAlert } from '@/components/ErrorAlert';
import { toast } from '@/lib/toast';
import { useReviewAction, type ReviewAction } from '../api/review-actions';

// The expiry form (and the policy it reads) loads when it is first opened.
const ReviewExpiryDialog = lazy(() =>
  import('./ReviewExpiryDialog').then((m) => ({ default: m.ReviewExpiryDialog })),
);

/**
 * The selected keys' actions, straight from the review: disable, set an expiry, delete. Each key
 * is changed through its own route (refused there if the account may not, audited there if done).
 */
export function ReviewActions({
  selected,
  onDone,
}: {
  selected: ReviewedKey[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const action = useReviewAction();
  const [asking, setAsking] = useState<'disable' | 'delete' | 'expire' | null>(null);
  const count = selected.length;

  const run = (chosen: ReviewAction) =>
    action.mutate(
      { keys: selected, action: chosen },
      {
        onSuccess: (result) => {
          setAsking(null);
          if (result.done > 0)
            toast({ message: t(`review.actions.${chosen.kind}Done`, { count: result.done }) });
          if (result.failed.length === 0) onDone();
        },
      },
    );
  const failed = action.data?.failed ?? [];

  return (
    <Stack gap="xs" mb="md">
      <Group gap="xs" role="group" aria-label={t('review.actions.label')}>
        <Text size="sm" fw={500}>
          {t('review.actions.selected', { count })}
        </Text>
        <Button
          size="xs"
          variant="default"
          disabled={count === 0}
          onClick={() => setAsking('disable')}
        >
          {t('review.actions.disable')}
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={count === 0}
          onClick={() => setAsking('expire')}
        >
          {t('review.actions.expire')}
        </Button>
        <Button
          size="xs"
          variant="default"
          color="red"
          disabled={count === 0}
          onClick={() => setAsking('delete')}
        >
          {t('review.actions.delete')}
        </Button>
      </Group>
      {failed.length > 0 && (
        <>
          <Text size="sm" c="red">
            {t('review.actions.failed', {
              count: failed.length,
              keys: failed.map((key) => key.label).join(', '),
            })}
          </Text>
          <ErrorAlert error={action.data?.error} />
        </>
      )}
      <ConfirmDialog
        opened={asking === 'disable' || asking === 'delete'}
        title={t(`review.actions.${asking === 'delete' ? 'deleteTitle' : 'disableTitle'}`, {
          count,
        })}
        message={t(`review.actions.${asking === 'delete' ? 'deleteMessage' : 'disableMessage'}`, {
          count,
          keys: selected.map((key) => key.label).join(', '),
        })}
        confirmLabel={t(`review.actions.${asking === 'delete' ? 'delete' : 'disable'}`)}
        pending={action.isPending}
        onConfirm={() => run({ kind: asking === 'delete' ? 'delete' : 'disable' })}
        onClose={() => setAsking(null)}
      />
      {asking === 'expire' && (
        <Suspense>
          <ReviewExpiryDialog
            count={count}
            pending={action.isPending}
            apiError={action.data?.error}
            onSubmit={(expiresAt) => run({ kind: 'expire', expiresAt })}
            onClose={() => setAsking(null)}
          />
        </Suspense>
      )}
    </Stack>
  );
}
