import { Button, Switch } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import { useChangeKeyLifecycle } from '@/lib/key-lifecycle-api';

const RollSecretDialog = lazy(() =>
  import('./RollSecretDialog').then((m) => ({ default: m.RollSecretDialog })),
);
const KeySettingsDialog = lazy(() =>
  import('./KeySettingsDialog').then((m) => ({ default: m.KeySettingsDialog })),
);
const SecretRevealDialog = lazy(() =>
  import('./SecretRevealDialog').then((m) => ({ default: m.SecretRevealDialog })),
);

/**
 * The lifecycle controls of one key row, the same for both key kinds: the "Disabled" switch,
 * "Roll secret" (with the one-time reveal of the new secret) and "Key settings".
 */
export function KeyLifecycleControls(props: {
  keyPath: string;
  /** The public half, as the row shows it (Key, App ID). */
  keyLabel: string;
  lifecycle: KeyLifecycle;
  labels: { id: string; secret: string };
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const toggle = useChangeKeyLifecycle(props.keyPath, props.onChanged);
  const [open, setOpen] = useState<'roll' | 'settings' | null>(null);
  // The one copy of a rolled secret in the page: gone when the reveal dialog closes.
  const [rolled, setRolled] = useState<string | null>(null);
  return (
    <>
      <Switch
        size="xs"
        label={t('keys.disabled')}
        aria-label={`${t('keys.disabled')} ${props.keyLabel}`}
        checked={props.lifecycle.disabled}
        disabled={toggle.isPending}
        onChange={(event) => toggle.mutate({ disabled: event.currentTarget.checked })}
      />
      <Button
        size="xs"
        variant="default"
        aria-label={`${t('keys.rollSecret')} ${props.keyLabel}`}
        onClick={() => setOpen('roll')}
      >
        {t('keys.rollSecret')}
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={`${t('keys.settings')} ${props.keyLabel}`}
        onClick={() => setOpen('settings')}
      >
        {t('keys.settings')}
      </Button>
      <Suspense>
        {open === 'roll' && (
          <RollSecretDialog
            keyPath={props.keyPath}
            keyLabel={props.keyLabel}
            onChanged={props.onChanged}
            onClose={() => setOpen(null)}
            onRolled={(secret) => {
              setOpen(null);
              setRolled(secret);
            }}
          />
        )}
        {open === 'settings' && (
          <KeySettingsDialog
            keyPath={props.keyPath}
            keyLabel={props.keyLabel}
            lifecycle={props.lifecycle}
            onChanged={props.onChanged}
            onClose={() => setOpen(null)}
          />
        )}
        {rolled && (
          <SecretRevealDialog
            title={t('keys.rollSecret')}
            idLabel={props.labels.id}
            idValue={props.keyLabel}
            secretLabel={props.labels.secret}
            secretValue={rolled}
            onClose={() => setRolled(null)}
          />
        )}
      </Suspense>
    </>
  );
}
