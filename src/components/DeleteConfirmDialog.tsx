import { useTranslation } from 'react-i18next';
import { toast } from '@/lib/toast';
import { ConfirmDialog } from './ConfirmDialog';

export interface DeleteMutation {
  mutate(id: string, options: { onSuccess: () => void }): void;
  isPending: boolean;
}

export interface DeleteConfirmDialogProps<T extends { id: string }> {
  /** What is about to be deleted; the dialog is open while there is one. */
  target: T | null;
  title: string;
  message: (target: T) => string;
  /** The toast once the server has deleted it. */
  deletedMessage: (target: T) => string;
  mutation: DeleteMutation;
  onClose: () => void;
}

/** Asks before deleting one thing by id; once deleted, says so and closes. */
export function DeleteConfirmDialog<T extends { id: string }>(props: DeleteConfirmDialogProps<T>) {
  const { t } = useTranslation();
  const { target, mutation, onClose } = props;
  return (
    <ConfirmDialog
      opened={target !== null}
      title={props.title}
      message={target ? props.message(target) : ''}
      confirmLabel={t('common.delete')}
      pending={mutation.isPending}
      onClose={onClose}
      onConfirm={() =>
        target &&
        mutation.mutate(target.id, {
          onSuccess: () => {
            toast({ color: 'green', message: props.deletedMessage(target) });
            onClose();
          },
        })
      }
    />
  );
}
