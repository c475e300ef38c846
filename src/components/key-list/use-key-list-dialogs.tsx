import { lazy, Suspense, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import { DeleteConfirmDialog, type DeleteMutation } from '@/components/DeleteConfirmDialog';
import type { KeyUsageDialog as KeyUsageDialogType } from '@/components/usage/KeyUsageDialog';
import type { KeyUsage } from '@/lib/key-usage';
import type { KeyColumn } from './KeyListTable';

// The row menu brings Mantine's popover engine: it loads just after the list, not before it.
const KeyRowActions = lazy(() =>
  import('@/components/KeyRowActions').then((m) => ({ default: m.KeyRowActions })),
);
const KeyUsageDialog = lazy(() =>
  import('@/components/usage/KeyUsageDialog').then((m) => ({ default: m.KeyUsageDialog })),
);
const SecretRevealDialog = lazy(() =>
  import('@/components/SecretRevealDialog').then((m) => ({ default: m.SecretRevealDialog })),
);

type UsageExtras = Pick<ComponentProps<typeof KeyUsageDialogType>, 'grants' | 'onGrant' | 'onTrim'>;

/** What a key screen tells the dialogs about its kind of key. */
export interface KeyListDialogsOptions<K> {
  /** The public half (App ID, Key), as rows, dialogs and the audit log name the key. */
  keyLabel: (key: K) => string;
  /** The key's console address (…/keys/{id}); its usage is at `${keyPath}/usage`. */
  keyPath: (key: K) => string;
  /** "App ID" / "App Secret", "Key" / "Secret". */
  secretLabels: { id: string; secret: string };
  /** The title over a new key's one-time reveal. */
  createdTitle: string;
  /** How to call with a key's rolled secret at once (the reveal's ready-to-run lines). */
  usage?: (key: K, secret: string) => KeyUsage;
  /** How a key is deleted, where the screen offers it. */
  remove?: {
    mutation: DeleteMutation;
    title: string;
    message: (key: K) => string;
    deletedMessage: (key: K) => string;
  };
  /** More for the Usage dialog (a Dedicated key's grants and the edits they offer). */
  usageExtras?: (key: K, close: () => void) => UsageExtras;
  /** Refetches the list after a row action changed a key. */
  onChanged?: () => Promise<unknown>;
}

/**
 * The dialogs of a key list, wired once for every key screen: Usage, the one-time reveal of a
 * new secret, Delete, and the row actions (disable, roll with its own reveal, settings, activity)
 * with the screen's Edit. A screen renders `dialogs` once and uses the rest in its columns.
 */
export function useKeyListDialogs<K extends { id: string } & KeyLifecycle>(
  options: KeyListDialogsOptions<K>,
) {
  const { t } = useTranslation();
  const [usageOf, setUsageOf] = useState<K | null>(null);
  const [deleting, setDeleting] = useState<K | null>(null);
  // The one copy of a new secret in the page: gone when the reveal dialog closes.
  const [revealed, setRevealed] = useState<{ id: string; secret: string; usage?: KeyUsage } | null>(
    null,
  );

  /** The row menu; Edit where the screen offers it (`canEdit`: not for a full-access key). */
  const actionsColumn = (row: {
    onEdit?: (key: K) => void;
    canEdit?: (key: K) => boolean;
  }): KeyColumn<K> => ({
    header: t('common.actions'),
    cell: (key) => (
      <Suspense>
        <KeyRowActions
          keyPath={options.keyPath(key)}
          keyLabel={options.keyLabel(key)}
          lifecycle={key}
          labels={options.secretLabels}
          usage={options.usage && ((secret) => options.usage!(key, secret))}
          auditTarget={options.keyLabel(key)}
          onChanged={options.onChanged ?? (() => Promise.resolve())}
          onEdit={row.onEdit && (row.canEdit?.(key) ?? true) ? () => row.onEdit?.(key) : undefined}
          onDelete={() => setDeleting(key)}
        />
      </Suspense>
    ),
  });

  const closeUsage = () => setUsageOf(null);
  const dialogs = (
    <>
      <Suspense>
        {usageOf && (
          <KeyUsageDialog
            keyLabel={options.keyLabel(usageOf)}
            usagePath={`${options.keyPath(usageOf)}/usage`}
            {...options.usageExtras?.(usageOf, closeUsage)}
            onClose={closeUsage}
          />
        )}
        {revealed && (
          <SecretRevealDialog
            title={options.createdTitle}
            idLabel={options.secretLabels.id}
            idValue={revealed.id}
            secretLabel={options.secretLabels.secret}
            secretValue={revealed.secret}
            usage={revealed.usage}
            onClose={() => setRevealed(null)}
          />
        )}
      </Suspense>
      {options.remove && (
        <DeleteConfirmDialog
          target={deleting}
          title={options.remove.title}
          message={options.remove.message}
          deletedMessage={options.remove.deletedMessage}
          mutation={options.remove.mutation}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );

  return { showUsage: setUsageOf, reveal: setRevealed, actionsColumn, dialogs };
}
