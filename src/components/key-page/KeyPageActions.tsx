import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import { DisableKeyDialog } from '@/components/DisableKeyDialog';
import { DeleteConfirmDialog, type DeleteMutation } from '@/components/DeleteConfirmDialog';
import { KeyLifecycleDialogs } from '@/components/KeyLifecycleDialogs';
import type { KeyUsage } from '@/lib/key-usage';
import { useChangeKeyLifecycle } from '@/lib/key-lifecycle-api';

export interface KeyPageActionsProps {
  keyId: string;
  keyPath: string;
  /** The public half (App ID, Key). */
  keyLabel: string;
  lifecycle: KeyLifecycle;
  secretLabels: { id: string; secret: string };
  /** The ready-to-run lines for a rolled secret. */
  usage?: (secret: string) => KeyUsage;
  onChanged: () => Promise<unknown>;
  onEdit?: () => void;
  remove: {
    mutation: DeleteMutation;
    title: string;
    message: string;
    deletedMessage: string;
    /** Where to go once the key is gone. */
    onDeleted: () => void;
  };
}

/** A key page's actions, spelled out: Edit, Roll secret, Disable (asked first) or Enable, Key settings, Delete. */
export function KeyPageActions(props: KeyPageActionsProps) {
  const { t } = useTranslation();
  const toggle = useChangeKeyLifecycle(props.keyPath, props.onChanged);
  const [open, setOpen] = useState<'roll' | 'settings' | 'disable' | 'delete' | null>(null);
  const close = () => setOpen(null);
  return (
    <Group gap="xs">
      {props.onEdit && (
        <Button size="xs" onClick={props.onEdit}>
          {t('common.edit')}
        </Button>
      )}
      <Button size="xs" variant="default" onClick={() => setOpen('roll')}>
        {t('keys.rollSecret')}
      </Button>
      {props.lifecycle.disabled ? (
        <Button
          size="xs"
          variant="default"
          loading={toggle.isPending}
          onClick={() => toggle.mutate({ disabled: false })}
        >
          {t('keyPage.enable')}
        </Button>
      ) : (
        <Button size="xs" variant="default" onClick={() => setOpen('disable')}>
          {t('keyPage.disable')}
        </Button>
      )}
      <Button size="xs" variant="default" onClick={() => setOpen('settings')}>
        {t('keys.settings')}
      </Button>
      <Button size="xs" variant="default" color="red" onClick={() => setOpen('delete')}>
        {t('common.delete')}
      </Button>
      <DisableKeyDialog
        opened={open === 'disable'}
        keyLabel={props.keyLabel}
        pending={toggle.isPending}
        onConfirm={() => toggle.mutate({ disabled: true }, { onSuccess: close })}
        onClose={close}
      />
      <DeleteConfirmDialog
        target={open === 'delete' ? { id: props.keyId } : null}
        title={props.remove.title}
        message={() => props.remove.message}
        deletedMessage={() => props.remove.deletedMessage}
        mutation={{
          isPending: props.remove.mutation.isPending,
          mutate: (id, options) =>
            props.remove.mutation.mutate(id, {
              onSuccess: () => {
                options.onSuccess();
                props.remove.onDeleted();
              },
            }),
        }}
        onClose={close}
      />
      <KeyLifecycleDialogs
        open={open === 'roll' || open === 'settings' ? open : null}
        keyPath={props.keyPath}
        keyLabel={props.keyLabel}
        lifecycle={props.lifecycle}
        labels={props.secretLabels}
        usage={props.usage}
        onChanged={props.onChanged}
        onClose={close}
      />
    </Group>
  );
}
