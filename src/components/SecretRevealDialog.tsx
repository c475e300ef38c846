import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Stack,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

interface SecretRevealDialogProps {
  title: string;
  /** The public half ("Key", "App ID") and the secret half ("Secret", "App Secret"). */
  idLabel: string;
  idValue: string;
  secretLabel: string;
  secretValue: string;
  onClose: () => void;
}

function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      value={value}
      readOnly
      onFocus={(event) => event.currentTarget.select()}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      rightSection={
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('secretReveal.copied') : t('secretReveal.copy')} withArrow>
              <ActionIcon
                variant="subtle"
                color={copied ? 'green' : 'gray'}
                onClick={copy}
                aria-label={`${t('secretReveal.copy')} ${label}`}
              >
                {copied ? '✓' : '⧉'}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}

/**
 * Shows a new key's secret exactly once. The secret lives only in the caller's local state
 * while this is open; closing it drops the last copy in the page.
 */
export function SecretRevealDialog(props: SecretRevealDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      opened
      onClose={props.onClose}
      title={props.title}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack>
        <Alert color="orange" variant="light" title={t('secretReveal.onlyOnceTitle')}>
          {t('secretReveal.onlyOnce', { secret: props.secretLabel })}
        </Alert>
        <CopyField label={props.idLabel} value={props.idValue} />
        <CopyField label={props.secretLabel} value={props.secretValue} />
        <Group justify="flex-end">
          <Button onClick={props.onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
