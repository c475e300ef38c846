import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The "Label" filter box: `team=payments env=prod`, every term must match. */
export function LabelFilterInput(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="search"
      label={t('keyLabels.filter')}
      placeholder={t('keyLabels.filterPlaceholder')}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      w={220}
    />
  );
}
