import { zodResolver } from '@hookform/resolvers/zod';
import { Checkbox, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PLATFORM_SCOPES } from '@contract/platform-scopes';
import type { CreatedPlatformKey, PlatformKey } from '@contract/platform-keys';
import { Dialog } from '@/components/Dialog';
import { ExpiresField } from '@/components/ExpiresField';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useKeyAttributesDraft } from '@/components/key-list/use-key-attributes-draft';
import { toast } from '@/lib/toast';
import { useCreatePlatformKey, useUpdatePlatformKey } from '../api/change-platform-key';
import { useScopeProjects } from '../api/get-platform-keys';
import {
  platformKeyFormSchema,
  toPlatformKeyForm,
  toPlatformKeyRequest,
  type PlatformKeyForm,
} from '../platform-key-form';

const NOTE_LIMIT = 255;

interface Props {
  /** Edits this key; creates a new one when absent. */
  editing?: PlatformKey;
  onClose: () => void;
  onCreated: (created: CreatedPlatformKey) => void;
}

export function PlatformKeyFormDialog({ editing, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const projects = useScopeProjects();
  const create = useCreatePlatformKey();
  const update = useUpdatePlatformKey();
  const mutation = editing ? update : create;
  const form = useForm<PlatformKeyForm>({
    resolver: zodResolver(platformKeyFormSchema),
    defaultValues: toPlatformKeyForm(editing),
  });
  const { errors } = form.formState;
  const projectScope = useWatch({ control: form.control, name: 'projectScope' });
  const note = useWatch({ control: form.control, name: 'note' }) ?? '';
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const attributes = useKeyAttributesDraft(editing);

  const onSubmit = form.handleSubmit((values) => {
    if (!attributes.valid) return;
    const request = { ...toPlatformKeyRequest(values), ...attributes.values() };
    if (editing) {
      update.mutate(
        { id: editing.id, ...request },
        {
          onSuccess: () => {
            toast({ color: 'green', message: t('common.saved') });
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        { ...request, expiresAt },
        {
          onSuccess: (created) => {
            // Hand the secret to the reveal dialog, then drop the mutation's copy of it.
            onCreated(created);
            create.reset();
          },
        },
      );
    }
  });

  return (
    <Dialog
      opened
      onClose={onClose}
      title={editing ? t('platformKeys.editTitle') : t('platformKeys.newKey')}
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Textarea
            label={t('platformKeys.note')}
            description={t('keys.noteHint', { count: NOTE_LIMIT - note.length })}
            autosize
            minRows={2}
            maxLength={NOTE_LIMIT}
            error={errors.note?.message}
            {...form.register('note')}
          />
          {attributes.fields(mutation.error)}
          {!editing && <ExpiresField onChange={setExpiresAt} apiError={create.error} />}
          <Controller
            control={form.control}
            name="scopes"
            render={({ field }) => (
              <Checkbox.Group
                label={t('platformKeys.functionalityScope')}
                required
                value={field.value}
                onChange={field.onChange}
                error={errors.scopes?.message}
              >
                <Stack gap="xs" mt="xs">
                  {PLATFORM_SCOPES.map((scope) => (
                    <Checkbox key={scope} value={scope} label={t(`platformKeys.scopes.${scope}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          />
          <Controller
            control={form.control}
            name="projectScope"
            render={({ field }) => (
              <Radio.Group
                label={t('platformKeys.projectScope')}
                value={field.value}
                onChange={field.onChange}
              >
                <Group mt="xs">
                  <Radio value="all" label={t('platformKeys.allProjects')} />
                  <Radio value="selected" label={t('platformKeys.selectedProjects')} />
                </Group>
              </Radio.Group>
            )}
          />
          {projectScope === 'selected' && (
            <Controller
              control={form.control}
              name="projectIds"
              render={({ field }) => (
                <Checkbox.Group
                  label={t('platformKeys.projects')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.projectIds?.message}
                >
                  <Stack gap="xs" mt="xs">
                    {projects.isError && <ErrorAlert error={projects.error} />}
                    {(projects.data ?? []).map((project) => (
                      <Checkbox key={project.id} value={project.id} label={project.name} />
                    ))}
                    {projects.isSuccess && projects.data.length === 0 && (
                      <Text size="sm">{t('projects.emptyTitle')}</Text>
                    )}
                  </Stack>
                </Checkbox.Group>
              )}
            />
          )}
          <DialogActions
            submitLabel={t('common.confirm')}
            pending={mutation.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
