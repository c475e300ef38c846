import { Button, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoundKey } from '@contract/key-lifecycle';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { apiRequest } from '@/lib/api-client';
import { toast } from '@/lib/toast';

const RollSecretDialog = lazy(() =>
  import('@/components/RollSecretDialog').then((m) => ({ default: m.RollSecretDialog })),
);
const SecretRevealDialog = lazy(() =>
  import('@/components/SecretRevealDialog').then((m) => ({ default: m.SecretRevealDialog })),
);

const keyPathOf = (found: FoundKey) =>
  found.kind === 'platform'
    ? `/api/console/platform-keys/${found.id}`
    : `/api/console/deployments/${found.deploymentId}/keys/${found.id}`;

/** "Roll secret" or "Delete" at once, for the key a leaked secret belongs to. */
export function FoundKeyActions({ found, onDone }: { found: FoundKey; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'roll' | 'delete' | null>(null);
  const [rolled, setRolled] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: () => apiRequest<void>(keyPathOf(found), { method: 'DELETE' }),
  });
  const labels =
    found.kind === 'platform'
      ? { id: t('platformKeys.key'), secret: t('platformKeys.secret') }
      : { id: t('deploymentKeys.appId'), secret: t('deploymentKeys.appSecret') };
  return (
    <Group gap="xs">
      <Button size="xs" onClick={() => setOpen('roll')}>
        {t('keys.rollSecret')}
      </Button>
      <Button size="xs" color="red" variant="light" onClick={() => setOpen('delete')}>
        {t('common.delete')}
      </Button>
      <ConfirmDialog
        opened={open === 'delete'}
        title={
          found.kind === 'platform'
            ? t('platformKeys.deleteTitle')
            : t('deploymentKeys.deleteTitle')
        }
        message={t('keyFinder.deleteFound', { key: found.key })}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        onClose={() => setOpen(null)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast({ color: 'green', message: t('keyFinder.deletedFound', { key: found.key }) });
              onDone();
            },
          })
        }
      />
      <Suspense>
        {open === 'roll' && (
          <RollSecretDialog
            keyPath={keyPathOf(found)}
            keyLabel={found.key}
            onChanged={async () => undefined}
            onClose={() => setOpen(null)}
            onRolled={(secret) => {
              setOpen(null);
              setRolled(secret);
            }}
          />
        )}
        {rolled && (
          <SecretRevealDialog
            title={t('keys.rollSecret')}
            idLabel={labels.id}
            idValue={found.key}
            secretLabel={labels.secret}
            secretValue={rolled}
            onClose={() => {
              setRolled(null);
              onDone();
            }}
          />
        )}
      </Suspense>
    </Group>
  );
}
