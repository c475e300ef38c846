import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Sparkline } from './Sparkline';

/** A key row's "Requests (24 h)" cell: its sparkline, which opens the key's Usage. */
export function UsageCell(props: {
  keyLabel: string;
  hourly: number[] | undefined;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <td>
      <UnstyledButton
        aria-label={t('usage.usageOf', { key: props.keyLabel })}
        title={t('usage.usage')}
        onClick={props.onOpen}
      >
        <Sparkline hourly={props.hourly} />
      </UnstyledButton>
    </td>
  );
}
