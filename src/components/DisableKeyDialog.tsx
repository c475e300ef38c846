import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';

/** "Disable {key}?": asked before a key is refused everywhere, from its row menu or its page. */
export function DisableKeyDialog(props: {
  opened: boolean;
  keyLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened={props.opened}
      title={t('keyPage.disableTitle', { key: props.keyLabel })}
      message={t('keyPage.disableMessage')}
      confirmLabel={t('keyPage.disable')}
      pending={props.pending}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    />
  );
}
