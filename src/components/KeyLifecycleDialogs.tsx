import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import type { KeyUsage } from '@/lib/key-usage';

const RollSecretDialog = lazy(() =>
  import('./RollSecretDialog').then((m) => ({ default: m.RollSecretDialog })),
);
const KeySettingsDialog = lazy(() =>
  import('./KeySettingsDialog').then((m) => ({ default: m.KeySettingsDialog })),
);
const SecretRevealDialog = lazy(() =>
  import('./SecretRevealDialog').then((m) => ({ default: m.SecretRevealDialog })),
);

export type KeyLifecycleDialog = 'roll' | 'settings';

/**
 * "Roll secret" with the one-time reveal of the new secret, and "Key settings": the same dialogs
 * from a list's row menu and from a key's own page. Each loads when first opened.
 */
export function KeyLifecycleDialogs(props: {
  open: KeyLifecycleDialog | null;
  keyPath: string;
  /** The public half (App ID, Key). */
  keyLabel: string;
  lifecycle: KeyLifecycle;
  labels: { id: string; secret: string };
  /** The ready-to-run lines for a rolled secret. */
  usage?: (secret: string) => KeyUsage;
  onChanged: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // The one copy of a rolled secret in the page: gone when the reveal dialog closes.
  const [rolled, setRolled] = useState<string | null>(null);
  return (
    <Suspense>
      {props.open === 'roll' && (
        <RollSecretDialog
          keyPath={props.keyPath}
          keyLabel={props.keyLabel}
          onChanged={props.onChanged}
          onClose={props.onClose}
          onRolled={(secret) => {
            props.onClose();
            setRolled(secret);
          }}
        />
      )}
      {props.open === 'settings' && (
        <KeySettingsDialog
          keyPath={props.keyPath}
          keyLabel={props.keyLabel}
          lifecycle={props.lifecycle}
          onChanged={props.onChanged}
          onClose={props.onClose}
        />
      )}
      {rolled && (
        <SecretRevealDialog
          title={t('keys.rollSecret')}
          idLabel={props.labels.id}
          idValue={props.keyLabel}
          secretLabel={props.labels.secret}
          secretValue={rolled}
          usage={props.usage?.(rolled)}
          onClose={() => setRolled(null)}
        />
      )}
    </Suspense>
  );
}
