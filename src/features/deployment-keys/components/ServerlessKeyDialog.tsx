import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedDeploymentKey } from '@contract/deployment-keys';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ExpiresField } from '@/components/ExpiresField';
import { useKeyAttributesDraft } from '@/components/key-list/use-key-attributes-draft';
import { useCreateDeploymentKey } from '../api/change-deployment-key';

/** A Serverless key has full access: the only thing to choose is when it expires. */
export function ServerlessKeyDialog(props: {
  deploymentId: string;
  onClose: () => void;
  onCreated: (created: CreatedDeploymentKey) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateDeploymentKey(props.deploymentId);
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const attributes = useKeyAttributesDraft(undefined);
  return (
    <Dialog opened onClose={props.onClose} title={t('deploymentKeys.newKey')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!attributes.valid) return;
          create.mutate(
            { expiresAt, ...attributes.values() },
            {
              onSuccess: (created) => {
                props.onCreated(created);
                create.reset();
              },
            },
          );
        }}
      >
        <Stack>
          {create.error && <ErrorAlert error={create.error} />}
          <Text size="sm">{t('deploymentKeys.emptyServerless')}</Text>
          {attributes.fields(create.error)}
          <ExpiresField onChange={setExpiresAt} apiError={create.error} />
          <DialogActions
            submitLabel={t('common.confirm')}
            pending={create.isPending}
            onCancel={props.onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
