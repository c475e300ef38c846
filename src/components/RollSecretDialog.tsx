import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLL_GRACE_SECONDS } from '@contract/key-lifecycle-rules';
import { useRollKey } from '@/lib/key-lifecycle-api';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorAlert } from './ErrorAlert';

const GRACE_LABELS = {
  0: 'keys.graceNow',
  3600: 'keys.grace1h',
  86400: 'keys.grace24h',
  604800: 'keys.grace7d',
} as const satisfies Record<(typeof ROLL_GRACE_SECONDS)[number], string>;

/**
 * "Roll secret": a new secret for the same key, shown once by the caller's reveal dialog; the old
 * one stops now or after the chosen grace, so clients can move over without an outage.
 */
export function RollSecretDialog(props: {
  keyPath: string;
  keyLabel: string;
  onChanged: () => Promise<unknown>;
  onRolled: (secret: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const roll = useRollKey(props.keyPath, props.onChanged);
  const [grace, setGrace] = useState('3600');
  return (
    <Dialog opened onClose={props.onClose} title={t('keys.rollTitle', { key: props.keyLabel })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // A portal's events still bubble through React's tree: not into a form around the caller.
          event.stopPropagation();
          roll.mutate(Number(grace), {
            onSuccess: (rolled) => {
              roll.reset();
              props.onRolled(rolled.secret ?? rolled.appSecret ?? '');
            },
          });
        }}
      >
        <Stack>
          {roll.error && <ErrorAlert error={roll.error} />}
          <Text size="sm">{t('keys.rollHint')}</Text>
          <Radio.Group label={t('keys.oldSecretStops')} value={grace} onChange={setGrace}>
            <Stack gap="xs" mt="xs">
              {ROLL_GRACE_SECONDS.map((seconds) => (
                <Radio key={seconds} value={String(seconds)} label={t(GRACE_LABELS[seconds])} />
              ))}
            </Stack>
          </Radio.Group>
          <DialogActions
            submitLabel={t('keys.rollSecret')}
            pending={roll.isPending}
            onCancel={props.onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
