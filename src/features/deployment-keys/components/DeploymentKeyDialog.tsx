import { Alert, Button, Group, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { ExpiresField } from '@/components/ExpiresField';
import { useMemo, useState } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CreatedDeploymentKey, DeploymentKey } from '@contract/deployment-keys';
import type { EndpointCatalog, Permission } from '@contract/endpoint-catalog';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useKeyAttributesDraft } from '@/components/key-list/use-key-attributes-draft';
import { ApiError } from '@/lib/api-client';
import { toast } from '@/lib/toast';
import { useCreateDeploymentKey, useUpdateDeploymentKey } from '../api/change-deployment-key';
import { indexCatalog, toPermissions, toSelection } from '../permission-picker-model';
import { PermissionChanges } from './PermissionChanges';
import { PermissionPicker } from './PermissionPicker';
import { PermissionPresets } from './PermissionPresets';
import { PermissionSummary } from './PermissionSummary';
import { TestAccess } from './TestAccess';

interface Props {
  deploymentId: string;
  catalog: EndpointCatalog;
  /** Edits this key; creates a new one when absent. */
  editing?: DeploymentKey;
  /** The deployment's keys, for "Copy from key…". */
  keys: DeploymentKey[];
  /** Ticked on opening instead of the key's own grants (its Usage's "Grant this permission", "Trim to used"). */
  initialPermissions?: Permission[];
  onClose: () => void;
  onCreated: (created: CreatedDeploymentKey) => void;
}

const NOTE_LIMIT = 255;

/** "New API Key" and "Edit" for Dedicated-family deployments: a Note and API Permissions. */
export function DeploymentKeyDialog({
  deploymentId,
  catalog,
  editing,
  keys,
  initialPermissions,
  onClose,
  onCreated,
}: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const categories = useMemo(() => indexCatalog(catalog), [catalog]);
  const create = useCreateDeploymentKey(deploymentId);
  const update = useUpdateDeploymentKey(deploymentId);
  const mutation = editing ? update : create;
  const [note, setNote] = useState(editing?.note ?? '');
  const attributes = useKeyAttributesDraft(editing);
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const [selection, setSelection] = useState<ReadonlySet<string>>(() =>
    toSelection(initialPermissions ?? editing?.permissions ?? []),
  );
  // The version this edit started from; the list may refresh underneath without changing it.
  const [baseVersion, setBaseVersion] = useState(editing?.version ?? 0);
  const conflict = update.error instanceof ApiError && update.error.status === 409;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const permissions = toPermissions(selection);
    if (!attributes.valid) return;
    if (editing) {
      update.mutate(
        { id: editing.id, note, ...attributes.values(), permissions, version: baseVersion },
        {
          onSuccess: () => {
            toast({ color: 'green', message: t('common.saved') });
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        { note, ...attributes.values(), permissions, expiresAt },
        {
          onSuccess: (created) => {
            // Hand the secret to the reveal dialog, then drop the mutation's copy of it.
            onCreated(created);
            create.reset();
          },
        },
      );
    }
  };

  return (
    <Dialog
      opened
      onClose={onClose}
      title={
        editing
          ? t('deploymentKeys.editTitle', { appId: editing.appId })
          : t('deploymentKeys.newKey')
      }
      // Wide and full-height on a desktop (the picker's table needs the room); the whole
      // screen on a phone.
      size={1100}
      fullScreen={phone}
      fill
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {conflict ? (
            <Alert color="orange" title={t('deploymentKeys.conflictTitle')}>
              <Stack gap="xs" align="flex-start">
                {t('deploymentKeys.conflict')}
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    // `editing` is the key as the refreshed list now holds it.
                    if (!editing) return;
                    setNote(editing.note);
                    attributes.reset(editing);
                    setSelection(toSelection(editing.permissions));
                    setBaseVersion(editing.version);
                    update.reset();
                  }}
                >
                  {t('deploymentKeys.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            mutation.error && <ErrorAlert error={mutation.error} />
          )}
          {/* Side by side where there is room, so the picker below gets the height. */}
          <SimpleGrid cols={{ base: 1, md: editing ? 2 : 3 }} spacing="sm">
            <Textarea
              label={t('deploymentKeys.note')}
              description={t('keys.noteHint', { count: NOTE_LIMIT - note.length })}
              autosize
              minRows={1}
              maxRows={4}
              maxLength={NOTE_LIMIT}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            {attributes.fields(mutation.error)}
            {!editing && <ExpiresField onChange={setExpiresAt} apiError={create.error} />}
          </SimpleGrid>
        </Stack>
        <Title order={3} size="h5" id="api-permissions-heading">
          {t('deploymentKeys.apiPermissions')}
        </Title>
        <PermissionPicker
          catalog={catalog}
          value={selection}
          onChange={setSelection}
          actions={
            <>
              <PermissionPresets
                categories={categories}
                otherKeys={keys.filter((key) => key.id !== editing?.id)}
                onChange={setSelection}
              />
              <TestAccess
                deploymentId={deploymentId}
                permissions={() => toPermissions(selection)}
              />
            </>
          }
        />
        <div className="kw-dialog-footer">
          <Group gap="sm">
            <PermissionSummary categories={categories} selection={selection} />
            {editing && (
              <PermissionChanges before={editing.permissions} after={toPermissions(selection)} />
            )}
          </Group>
          <DialogActions
            submitLabel={t('common.confirm')}
            pending={mutation.isPending}
            disabled={selection.size === 0 || conflict || !attributes.valid}
            onCancel={onClose}
          />
        </div>
      </form>
    </Dialog>
  );
}
