import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedDeploymentKey } from '@contract/deployment-keys';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ExpiresField } from '@/components/ExpiresField';
import { labelsFromEntries } from '@contract/key-labels';
import { KeyLabelsField } from '@/components/key-list/KeyLabelsField';
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
  const [labels, setLabels] = useState<string[]>([]);
  return (
    <Dialog opened onClose={props.onClose} title={t('deploymentKeys.newKey')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const read = labelsFromEntries(labels);
          if ('problem' in read) return;
          create.mutate(
            { expiresAt, labels: read.labels },
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
          <KeyLabelsField value={labels} onChange={setLabels} apiError={create.error} />
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
