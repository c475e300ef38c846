import { Button, Group, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle, KeyLifecycleChange } from '@contract/key-lifecycle';
import { isAddressOrRange } from '@contract/key-lifecycle-rules';
import { useFormatters } from '@/lib/format';
import { useChangeKeyLifecycle, useClientAddress } from '@/lib/key-lifecycle-api';
import { toast } from '@/lib/toast';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorAlert } from './ErrorAlert';
import { ExpiresField } from './ExpiresField';

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A key's bounds in time and place: its expiry, the client addresses it may be used from, and
 * the end of a running roll grace. The server checks every value again.
 */
export function KeySettingsDialog(props: {
  keyPath: string;
  keyLabel: string;
  lifecycle: KeyLifecycle;
  onChanged: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const change = useChangeKeyLifecycle(props.keyPath, props.onChanged);
  const [addresses, setAddresses] = useState(props.lifecycle.allowedAddresses.join('\n'));
  const [changingExpiry, setChangingExpiry] = useState(false);
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const wantsAddress = useClientAddress(true);
  const invalid = linesOf(addresses).filter((line) => !isAddressOrRange(line));

  const save = (body: KeyLifecycleChange) =>
    change.mutate(body, {
      onSuccess: () => {
        toast({ color: 'green', message: t('common.saved') });
        props.onClose();
      },
    });

  return (
    <Dialog
      opened
      onClose={props.onClose}
      title={t('keys.settingsTitle', { key: props.keyLabel })}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // A portal's events still bubble through React's tree: not into a form around the caller.
          event.stopPropagation();
          if (invalid.length > 0) return;
          save({ allowedAddresses: linesOf(addresses), ...(changingExpiry ? { expiresAt } : {}) });
        }}
      >
        <Stack>
          {change.error && <ErrorAlert error={change.error} />}
          <Text size="sm">
            {t('keys.expires')}:{' '}
            {props.lifecycle.expiresAt ? dateTime(props.lifecycle.expiresAt) : t('keys.never')}
          </Text>
          <Switch
            label={t('keys.changeExpiry')}
            checked={changingExpiry}
            onChange={(event) => setChangingExpiry(event.currentTarget.checked)}
          />
          {changingExpiry && <ExpiresField onChange={setExpiresAt} apiError={change.error} />}
          <Textarea
            label={t('keys.allowedAddresses')}
            description={t('keys.allowedAddressesHint')}
            autosize
            minRows={2}
            value={addresses}
            onChange={(event) => setAddresses(event.currentTarget.value)}
            error={
              invalid.length > 0
                ? t('keys.invalidAddresses', { entries: invalid.join(', ') })
                : undefined
            }
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Group>
            <Button
              variant="default"
              size="xs"
              disabled={!wantsAddress.data}
              onClick={() =>
                wantsAddress.data &&
                setAddresses((current) =>
                  [...linesOf(current), wantsAddress.data.address].join('\n'),
                )
              }
            >
              {t('keys.addMyAddress')}
            </Button>
            {wantsAddress.data && (
              <Text size="xs" c="dimmed">
                {wantsAddress.data.address}
              </Text>
            )}
          </Group>
          {props.lifecycle.previousSecretValidUntil && (
            <Group justify="space-between">
              <Text size="sm">
                {t('keys.oldSecretValidUntil', {
                  at: dateTime(props.lifecycle.previousSecretValidUntil),
                })}
              </Text>
              <Button
                variant="light"
                color="red"
                size="xs"
                loading={change.isPending}
                onClick={() => save({ endGrace: true })}
              >
                {t('keys.endGrace')}
              </Button>
            </Group>
          )}
          <DialogActions
            submitLabel={t('common.save')}
            pending={change.isPending}
            disabled={invalid.length > 0}
            onCancel={props.onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
