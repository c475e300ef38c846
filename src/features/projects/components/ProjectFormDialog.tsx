import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, TextInput } from '@mantine/core';
import { toast } from '@/lib/toast';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import type { z } from 'zod';
import { createProjectRequestSchema, type Project } from '@contract/projects';
import { ErrorAlert } from '@/components/ErrorAlert';
import { applyFieldIssues } from '@/lib/form-errors';
import { useCreateProject } from '../api/create-project';
import { useUpdateProject } from '../api/update-project';

type FormInput = z.input<typeof createProjectRequestSchema>;
type FormOutput = z.output<typeof createProjectRequestSchema>;

/** Creates a project, or edits one when `project` is given: the same fields either way. */
export function ProjectFormDialog({
  project,
  onClose,
}: {
  project?: Project;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const createProject = useCreateProject();
  const updateProject = useUpdateProject();
  const mutation = project ? updateProject : createProject;
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createProjectRequestSchema),
    defaultValues: { name: project?.name ?? '', description: project?.description ?? '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    const callbacks = {
      onSuccess: (saved: Project) => {
        toast({
          color: 'green',
          message: project ? t('common.saved') : t('projects.created', { name: saved.name }),
        });
        onClose();
      },
      onError: (error: Error) => applyFieldIssues(error, form.setError, ['name', 'description']),
    };
    if (project) updateProject.mutate({ id: project.id, ...values }, callbacks);
    else createProject.mutate(values, callbacks);
  });

  return (
    <Dialog
      opened
      onClose={onClose}
      title={project ? t('projects.rename') : t('projects.createTitle')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <TextInput
            label={t('common.name')}
            required
            error={errors.name?.message}
            {...form.register('name')}
          />
          <TextInput
            label={t('common.description')}
            error={errors.description?.message}
            {...form.register('description')}
          />
          <DialogActions
            submitLabel={project ? t('common.save') : t('common.create')}
            pending={mutation.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
