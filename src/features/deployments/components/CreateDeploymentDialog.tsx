import { zodResolver } from '@hookform/resolvers/zod';
import { Divider, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DEFAULT_VERSION, DEPLOYMENT_TYPES, type DeploymentType } from '@contract/deployment-types';
import { createDeploymentRequestSchema } from '@contract/deployments';
import { REGIONS } from '@contract/regions';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useCan } from '@/lib/auth';
import { applyFieldIssues } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { useCreateDeployment } from '../api/create-deployment';
import { useDeploymentProjects } from '../api/get-deployment-projects';
import { UpstreamFields } from './UpstreamFields';

type FormInput = z.input<typeof createDeploymentRequestSchema>;
type FormOutput = z.output<typeof createDeploymentRequestSchema>;
const FIELDS = [
  'name',
  'projectId',
  'type',
  'emqxVersion',
  'region',
  'upstreamUrl',
  'upstreamApiKey',
  'upstreamApiSecret',
] as const;

export function CreateDeploymentDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const projects = useDeploymentProjects();
  const createDeployment = useCreateDeployment();
  // Where the server connects is the organisation's administrators' call (the server enforces it).
  const mayConfigureUpstream = useCan('configureUpstreams');
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createDeploymentRequestSchema),
    defaultValues: {
      name: '',
      projectId: '',
      type: 'dedicated_v5',
      emqxVersion: DEFAULT_VERSION.dedicated_v5,
      region: 'us-east-1',
    },
  });
  const { errors } = form.formState;
  const type = useWatch({ control: form.control, name: 'type' }) as DeploymentType;

  // EMQX Platform puts new deployments in the "default" project unless another is chosen.
  useEffect(() => {
    if (projects.data && !form.getValues('projectId')) {
      const preferred =
        projects.data.find((project) => project.name === 'default') ?? projects.data[0];
      if (preferred) form.setValue('projectId', preferred.id);
    }
  }, [projects.data, form]);

  const onSubmit = form.handleSubmit((values) =>
    createDeployment.mutate(values, {
      onSuccess: (created) => {
        toast({ color: 'green', message: t('deployments.created', { name: created.name }) });
        onClose();
        void navigate({ to: '/deployments/$deploymentId', params: { deploymentId: created.id } });
      },
      onError: (error) => applyFieldIssues(error, form.setError, FIELDS),
    }),
  );

  return (
    <Dialog opened onClose={onClose} title={t('deployments.create')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {createDeployment.error && <ErrorAlert error={createDeployment.error} />}
          {projects.isError && <ErrorAlert error={projects.error} />}
          <TextInput
            label={t('deployments.fields.name')}
            required
            error={errors.name?.message}
            {...form.register('name')}
          />
          <NativeSelect
            label={t('deployments.fields.project')}
            required
            data={(projects.data ?? []).map((project) => ({
              value: project.id,
              label: project.name,
            }))}
            error={errors.projectId?.message}
            {...form.register('projectId')}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('deployments.fields.type')}
              required
              data={DEPLOYMENT_TYPES.map((value) => ({
                value,
                label: t(`deployments.types.${value}`),
              }))}
              error={errors.type?.message}
              {...form.register('type', {
                onChange: (event: { target: { value: DeploymentType } }) =>
                  form.setValue('emqxVersion', DEFAULT_VERSION[event.target.value]),
              })}
            />
            <TextInput
              label={t('deployments.fields.version')}
              description={type === 'dedicated_v4' ? '4.4.x' : '5.x'}
              required
              error={errors.emqxVersion?.message}
              {...form.register('emqxVersion')}
            />
          </Group>
          <NativeSelect
            label={t('deployments.fields.region')}
            required
            data={REGIONS.map((region) => ({
              value: region.id,
              label: `${region.platform} · ${region.name} (${region.id})`,
            }))}
            error={errors.region?.message}
            {...form.register('region')}
          />
          {mayConfigureUpstream && (
            <>
              <Divider label={t('deployments.upstreamSection')} labelPosition="left" />
              <UpstreamFields register={(field) => form.register(field)} errors={errors} />
            </>
          )}
          <DialogActions
            submitLabel={t('deployments.create')}
            pending={createDeployment.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
