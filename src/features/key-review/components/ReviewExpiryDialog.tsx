import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ExpiresField } from '@/components/ExpiresField';

/** "Set expiry" for the keys selected in the review: one expiry, within the key policy. */
export function ReviewExpiryDialog(props: {
  count: number;
  pending: boolean;
  apiError: unknown;
  onSubmit: (expiresAt: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  return (
    <Dialog
      opened
      onClose={props.onClose}
      title={t('review.actions.expireTitle', { count: props.count })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (expiresAt) props.onSubmit(expiresAt);
        }}
      >
        <Stack>
          <Text size="sm">{t('review.actions.expireMessage', { count: props.count })}</Text>
          <ExpiresField onChange={setExpiresAt} apiError={props.apiError} />
          <DialogActions
            submitLabel={t('review.actions.expire')}
            pending={props.pending}
            disabled={!expiresAt}
            onCancel={props.onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
