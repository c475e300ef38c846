import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A form dialog's footer: Cancel, and the submit button that says what it does. */
export function DialogActions(props: {
  submitLabel: string;
  pending: boolean;
  disabled?: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={props.pending} disabled={props.disabled}>
        {props.submitLabel}
      </Button>
    </Group>
  );
}
