import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyAction } from './CopyAction';
import { Dialog } from './Dialog';

interface SecretRevealDialogProps {
  title: string;
  /** The public half ("Key", "App ID") and the secret half ("Secret", "App Secret"). */
  idLabel: string;
  idValue: string;
  secretLabel: string;
  secretValue: string;
  /** How to use the key at once: a ready-to-run curl line (if the key may call a harmless GET), and environment variables. */
  usage?: { curl: string | null; env: string };
  onClose: () => void;
}

function CopyField(props: { label: string; value: string; onCopied?: () => void }) {
  const { label, value, onCopied } = props;
  return (
    <TextInput
      label={label}
      value={value}
      readOnly
      onFocus={(event) => event.currentTarget.select()}
      // Copied by hand (Ctrl+C, the context menu) counts as copied too.
      onCopy={onCopied}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      rightSectionWidth={96}
      rightSection={<CopyAction value={value} what={label} onCopied={onCopied} />}
    />
  );
}

/**
 * Shows a new key's secret exactly once. The secret lives only in the caller's local state
 * while this is open; closing it drops the last copy in the page, so closing before anything
 * holding the secret was copied asks first.
 */
export function SecretRevealDialog(props: SecretRevealDialogProps) {
  const { t } = useTranslation();
  const [secretCopied, setSecretCopied] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const copied = () => setSecretCopied(true);
  const close = () => (secretCopied ? props.onClose() : setConfirmingClose(true));
  return (
    <Dialog opened onClose={close} title={props.title} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange" variant="light" title={t('secretReveal.onlyOnceTitle')}>
          {t('secretReveal.onlyOnce', { secret: props.secretLabel })}
        </Alert>
        <CopyField label={props.idLabel} value={props.idValue} />
        <CopyField label={props.secretLabel} value={props.secretValue} onCopied={copied} />
        {props.usage?.curl && (
          <div>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={500}>
                {t('secretReveal.tryIt')}
              </Text>
              <CopyAction
                value={props.usage.curl}
                what={t('secretReveal.curlLine')}
                onCopied={copied}
              />
            </Group>
            {/* Wrapped, never cut off: the whole line is readable before it is copied. */}
            <Code
              block
              tabIndex={0}
              aria-label={t('secretReveal.curlLine')}
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {props.usage.curl}
            </Code>
          </div>
        )}
        <Group justify="flex-end">
          {props.usage && (
            <CopyAction
              value={props.usage.env}
              what=""
              label={t('secretReveal.copyEnv')}
              onCopied={copied}
            />
          )}
          <Button onClick={close}>{t('common.close')}</Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirmingClose}
        title={t('secretReveal.notCopiedTitle', { secret: props.secretLabel })}
        message={t('secretReveal.notCopied', { secret: props.secretLabel })}
        confirmLabel={t('secretReveal.closeAnyway')}
        onConfirm={props.onClose}
        onClose={() => setConfirmingClose(false)}
      />
    </Dialog>
  );
}
